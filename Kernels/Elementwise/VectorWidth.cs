using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// One vector width as a type, so a loop is written once and the JIT specialises it per width
/// (<c>where TW : struct, IVectorWidth&lt;TV&gt;</c>): every member is a static call that inlines to one instruction.
/// </summary>
/// <typeparam name="TV">The vector type (<c>Vector512&lt;float&gt;</c> and so on).</typeparam>
internal interface IVectorWidth<TV>
    where TV : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract nuint Count { get; }

    /// <summary>Whether the width is hardware accelerated (a JIT-time constant).</summary>
    static abstract bool IsAccelerated { get; }

    static abstract TV Load(ref float source, nuint index);

    static abstract void Store(TV value, ref float destination, nuint index);

    /// <summary>A streaming store that bypasses the caches; <paramref name="destination"/> must be vector-aligned.</summary>
    static abstract unsafe void StoreAlignedNonTemporal(TV value, float* destination);

    static abstract TV Zero { get; }

    static abstract TV Add(TV x, TV y);

    /// <summary>x · y + z, fused where the hardware has FMA (the same way at every width in one process).</summary>
    static abstract TV MultiplyAdd(TV x, TV y, TV z);

    /// <summary>The platform's max (NaN handling unspecified): for reductions whose NaN inputs poison the result anyway.</summary>
    static abstract TV MaxNative(TV x, TV y);

    /// <summary>Sum of the lanes, in the runtime's fixed order for this width.</summary>
    static abstract float Sum(TV x);

    /// <summary>Maximum of the lanes (platform max).</summary>
    static abstract float MaxAcross(TV x);

    static abstract TV Invoke<TOp>(TOp op, TV x) where TOp : struct, IUnaryOperator;

    static abstract TV Invoke<TOp>(TOp op, TV x, TV y) where TOp : struct, IBinaryOperator;

    /// <summary>An optimizer update: returns the new weights, updates the states in place.</summary>
    static abstract TV Invoke<TOp>(TOp op, TV weight, TV gradient, ref TV state1, ref TV state2) where TOp : struct, IUpdateOperator;
}

/// <summary>512-bit vectors.</summary>
internal readonly struct Width512 : IVectorWidth<Vector512<float>>
{
    public static nuint Count => (nuint)Vector512<float>.Count;

    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source, nuint index) => Vector512.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreAlignedNonTemporal(Vector512<float> value, float* destination) =>
        value.StoreAlignedNonTemporal(destination);

    public static Vector512<float> Zero => Vector512<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> x, Vector512<float> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> x, Vector512<float> y, Vector512<float> z) => Vector512.MultiplyAddEstimate(x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MaxNative(Vector512<float> x, Vector512<float> y) => Vector512.MaxNative(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector512<float> x) => Vector512.Sum(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(Vector512<float> x) => Width256.MaxAcross(Vector256.MaxNative(x.GetLower(), x.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke<TOp>(TOp op, Vector512<float> x) where TOp : struct, IUnaryOperator => op.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke<TOp>(TOp op, Vector512<float> x, Vector512<float> y) where TOp : struct, IBinaryOperator =>
        op.Invoke(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke<TOp>(TOp op, Vector512<float> weight, Vector512<float> gradient,
        ref Vector512<float> state1, ref Vector512<float> state2) where TOp : struct, IUpdateOperator =>
        op.Invoke(weight, gradient, ref state1, ref state2);
}

/// <summary>256-bit vectors.</summary>
internal readonly struct Width256 : IVectorWidth<Vector256<float>>
{
    public static nuint Count => (nuint)Vector256<float>.Count;

    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreAlignedNonTemporal(Vector256<float> value, float* destination) =>
        value.StoreAlignedNonTemporal(destination);

    public static Vector256<float> Zero => Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> x, Vector256<float> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> x, Vector256<float> y, Vector256<float> z) => Vector256.MultiplyAddEstimate(x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MaxNative(Vector256<float> x, Vector256<float> y) => Vector256.MaxNative(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector256<float> x) => Vector256.Sum(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(Vector256<float> x) => Width128.MaxAcross(Vector128.MaxNative(x.GetLower(), x.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke<TOp>(TOp op, Vector256<float> x) where TOp : struct, IUnaryOperator => op.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke<TOp>(TOp op, Vector256<float> x, Vector256<float> y) where TOp : struct, IBinaryOperator =>
        op.Invoke(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke<TOp>(TOp op, Vector256<float> weight, Vector256<float> gradient,
        ref Vector256<float> state1, ref Vector256<float> state2) where TOp : struct, IUpdateOperator =>
        op.Invoke(weight, gradient, ref state1, ref state2);
}

/// <summary>128-bit vectors.</summary>
internal readonly struct Width128 : IVectorWidth<Vector128<float>>
{
    public static nuint Count => (nuint)Vector128<float>.Count;

    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreAlignedNonTemporal(Vector128<float> value, float* destination) =>
        value.StoreAlignedNonTemporal(destination);

    public static Vector128<float> Zero => Vector128<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> x, Vector128<float> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> x, Vector128<float> y, Vector128<float> z) => Vector128.MultiplyAddEstimate(x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MaxNative(Vector128<float> x, Vector128<float> y) => Vector128.MaxNative(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector128<float> x) => Vector128.Sum(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(Vector128<float> x) =>
        MathF.Max(MathF.Max(x.GetElement(0), x.GetElement(1)), MathF.Max(x.GetElement(2), x.GetElement(3)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke<TOp>(TOp op, Vector128<float> x) where TOp : struct, IUnaryOperator => op.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke<TOp>(TOp op, Vector128<float> x, Vector128<float> y) where TOp : struct, IBinaryOperator =>
        op.Invoke(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke<TOp>(TOp op, Vector128<float> weight, Vector128<float> gradient,
        ref Vector128<float> state1, ref Vector128<float> state2) where TOp : struct, IUpdateOperator =>
        op.Invoke(weight, gradient, ref state1, ref state2);
}
