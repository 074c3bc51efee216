using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>Four float lanes (<see cref="Vector128{T}"/>: SSE or AdvSimd); sums accumulate in 2 double lanes.</summary>
internal readonly struct LossVector128 : ILossVector<LossVector128, Vector128<double>>
{
    private readonly Vector128<float> _v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LossVector128(Vector128<float> v) => _v = v;

    public static int Count => Vector128<float>.Count;

    public static LossVector128 Zero => new(Vector128<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 Create(float value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 Load(ref float source, nuint index) => new(Vector128.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LossVector128 value, ref float destination, nuint index) =>
        value._v.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 operator +(LossVector128 x, LossVector128 y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 operator -(LossVector128 x, LossVector128 y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 operator *(LossVector128 x, LossVector128 y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 operator /(LossVector128 x, LossVector128 y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 operator &(LossVector128 x, LossVector128 y) => new(x._v & y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 Max(LossVector128 x, LossVector128 y) => new(Vector128.MaxNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 Abs(LossVector128 x) => new(Vector128.Abs(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 Exp(LossVector128 x) => new(VectorMath.Exp(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 GreaterThanOrEqual(LossVector128 x, LossVector128 y) =>
        new(Vector128.GreaterThanOrEqual(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 Select(LossVector128 mask, LossVector128 whenTrue, LossVector128 whenFalse) =>
        new(Vector128.ConditionalSelect(mask._v, whenTrue._v, whenFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector128 LanesFrom(int first) =>
        new(Vector128.GreaterThanOrEqual(Vector128<int>.Indices, Vector128.Create(first)).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(LossVector128 x) => MaxAcross(x._v);

    /// <summary>The largest of four lanes: two swap-and-max steps (also the last step of the wider widths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(Vector128<float> x)
    {
        x = Vector128.MaxNative(x, Vector128.Shuffle(x, Vector128.Create(2, 3, 0, 1)));
        x = Vector128.MaxNative(x, Vector128.Shuffle(x, Vector128.Create(1, 0, 3, 2)));
        return x.ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SumAcross(LossVector128 x) => Vector128.Sum(x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Accumulate(Vector128<double> sum, LossVector128 x)
    {
        var (lower, upper) = Vector128.Widen(x._v);
        return sum + (lower + upper); // one add on the loop-carried chain, not two
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Total(Vector128<double> sum) => Vector128.Sum(sum);
}
