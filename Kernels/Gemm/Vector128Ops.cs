using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// 128-bit lanes for <see cref="IVectorOps{TVec}"/> (SSE on x64, AdvSimd on Arm64). The multiply-add is fused only
/// where the hardware fuses it (Arm64), as in the 128-bit micro-kernel: a software-fused one on SSE would be slow.
/// Masked loads and stores go element by element, since AdvSimd has none; callers keep them off hot loops.
/// </summary>
internal readonly unsafe struct Vector128Ops : IVectorOps<Vector128<float>>
{
    public static int Count => 4;

    public static Vector128<float> Zero => Vector128<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(float* p) => Vector128.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FirstLanes(int count) =>
        Vector128.LessThan(Vector128<int>.Indices, Vector128.Create(count)).AsSingle();

    public static Vector128<float> LoadMasked(float* p, Vector128<float> mask)
    {
        var lanes = stackalloc float[4];
        for (int i = 0; i < 4; i++) lanes[i] = mask.AsInt32().GetElement(i) != 0 ? p[i] : 0f;
        return Vector128.Load(lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> v, float* p) => v.Store(p);

    public static void StoreMasked(Vector128<float> v, float* p, Vector128<float> mask)
    {
        for (int i = 0; i < 4; i++)
        {
            if (mask.AsInt32().GetElement(i) != 0) p[i] = v.GetElement(i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float x) => Vector128.Create(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        Vector128.MultiplyAddEstimate(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector128<float> v) => Vector128.Sum(v);
}
