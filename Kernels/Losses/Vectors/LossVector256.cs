using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>Eight float lanes (<see cref="Vector256{T}"/>); sums accumulate in 4 double lanes.</summary>
internal readonly struct LossVector256 : ILossVector<LossVector256, Vector256<double>>
{
    private readonly Vector256<float> _v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LossVector256(Vector256<float> v) => _v = v;

    public static int Count => Vector256<float>.Count;

    public static LossVector256 Zero => new(Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 Create(float value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 Load(ref float source, nuint index) => new(Vector256.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LossVector256 value, ref float destination, nuint index) =>
        value._v.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 operator +(LossVector256 x, LossVector256 y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 operator -(LossVector256 x, LossVector256 y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 operator *(LossVector256 x, LossVector256 y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 operator /(LossVector256 x, LossVector256 y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 operator &(LossVector256 x, LossVector256 y) => new(x._v & y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 Max(LossVector256 x, LossVector256 y) => new(Vector256.MaxNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 Abs(LossVector256 x) => new(Vector256.Abs(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 Exp(LossVector256 x) => new(VectorMath.Exp(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 GreaterThanOrEqual(LossVector256 x, LossVector256 y) =>
        new(Vector256.GreaterThanOrEqual(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 Select(LossVector256 mask, LossVector256 whenTrue, LossVector256 whenFalse) =>
        new(Vector256.ConditionalSelect(mask._v, whenTrue._v, whenFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector256 LanesFrom(int first) =>
        new(Vector256.GreaterThanOrEqual(Vector256<int>.Indices, Vector256.Create(first)).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(LossVector256 x) =>
        LossVector128.MaxAcross(Vector128.MaxNative(x._v.GetLower(), x._v.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SumAcross(LossVector256 x) => Vector256.Sum(x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Accumulate(Vector256<double> sum, LossVector256 x)
    {
        var (lower, upper) = Vector256.Widen(x._v);
        return sum + (lower + upper); // one add on the loop-carried chain, not two
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Total(Vector256<double> sum) => Vector256.Sum(sum);
}
