using System.Runtime.CompilerServices;

namespace SimdMlp.Kernels;

/// <summary>One lane for <see cref="IVectorOps{TVec}"/>: the fallback when no SIMD path is accelerated.</summary>
internal readonly unsafe struct ScalarOps : IVectorOps<float>
{
    public static int Count => 1;

    public static float Zero => 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Load(float* p) => *p;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FirstLanes(int count) => count > 0 ? BitConverter.Int32BitsToSingle(-1) : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LoadMasked(float* p, float mask) => BitConverter.SingleToInt32Bits(mask) != 0 ? *p : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float v, float* p) => *p = v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreMasked(float v, float* p, float mask)
    {
        if (BitConverter.SingleToInt32Bits(mask) != 0) *p = v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Broadcast(float x) => x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyAdd(float a, float b, float c) => float.MultiplyAddEstimate(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Add(float a, float b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Multiply(float a, float b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(float v) => v;
}
