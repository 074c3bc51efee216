using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>Sixteen float lanes (<see cref="Vector512{T}"/>); sums accumulate in 8 double lanes.</summary>
internal readonly struct LossVector512 : ILossVector<LossVector512, Vector512<double>>
{
    private readonly Vector512<float> _v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LossVector512(Vector512<float> v) => _v = v;

    public static int Count => Vector512<float>.Count;

    public static LossVector512 Zero => new(Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 Create(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 Load(ref float source, nuint index) => new(Vector512.LoadUnsafe(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LossVector512 value, ref float destination, nuint index) =>
        value._v.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 operator +(LossVector512 x, LossVector512 y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 operator -(LossVector512 x, LossVector512 y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 operator *(LossVector512 x, LossVector512 y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 operator /(LossVector512 x, LossVector512 y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 operator &(LossVector512 x, LossVector512 y) => new(x._v & y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 Max(LossVector512 x, LossVector512 y) => new(Vector512.MaxNative(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 Abs(LossVector512 x) => new(Vector512.Abs(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 Exp(LossVector512 x) => new(VectorMath.Exp(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 GreaterThanOrEqual(LossVector512 x, LossVector512 y) =>
        new(Vector512.GreaterThanOrEqual(x._v, y._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 Select(LossVector512 mask, LossVector512 whenTrue, LossVector512 whenFalse) =>
        new(Vector512.ConditionalSelect(mask._v, whenTrue._v, whenFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossVector512 LanesFrom(int first) =>
        new(Vector512.GreaterThanOrEqual(Vector512<int>.Indices, Vector512.Create(first)).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(LossVector512 x)
    {
        var half = Vector256.MaxNative(x._v.GetLower(), x._v.GetUpper());
        return LossVector128.MaxAcross(Vector128.MaxNative(half.GetLower(), half.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SumAcross(LossVector512 x) => Vector512.Sum(x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Accumulate(Vector512<double> sum, LossVector512 x)
    {
        var (lower, upper) = Vector512.Widen(x._v);
        return sum + (lower + upper); // one add on the loop-carried chain, not two
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Total(Vector512<double> sum) => Vector512.Sum(sum);
}
