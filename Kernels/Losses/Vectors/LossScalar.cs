using System.Runtime.CompilerServices;

namespace SimdMlp.Kernels;

/// <summary>
/// One float lane: the scalar path (no hardware intrinsics) runs the same loss kernels with a vector width of 1,
/// so every element is a "full vector" and there is no tail. Sums accumulate in one double.
/// </summary>
/// <remarks>Masks are floats with all bits set or clear, as in a vector lane, so selects stay bitwise.</remarks>
internal readonly struct LossScalar : ILossVector<LossScalar, double>
{
    private const int AllBits = -1;

    private readonly float _v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LossScalar(float v) => _v = v;

    public static int Count => 1;

    public static LossScalar Zero => new(0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar Create(float value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar Load(ref float source, nuint index) => new(Unsafe.Add(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(LossScalar value, ref float destination, nuint index) =>
        Unsafe.Add(ref destination, index) = value._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar operator +(LossScalar x, LossScalar y) => new(x._v + y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar operator -(LossScalar x, LossScalar y) => new(x._v - y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar operator *(LossScalar x, LossScalar y) => new(x._v * y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar operator /(LossScalar x, LossScalar y) => new(x._v / y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar operator &(LossScalar x, LossScalar y) => FromBits(Bits(x) & Bits(y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar Max(LossScalar x, LossScalar y) => new(x._v >= y._v ? x._v : y._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar Abs(LossScalar x) => new(MathF.Abs(x._v));

    // VectorMath's scalar exp gives the same bits as its vector overloads, so widths agree within a process.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar Exp(LossScalar x) => new(VectorMath.Exp(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar GreaterThanOrEqual(LossScalar x, LossScalar y) => FromBits(x._v >= y._v ? AllBits : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar Select(LossScalar mask, LossScalar whenTrue, LossScalar whenFalse) =>
        FromBits((Bits(mask) & Bits(whenTrue)) | (~Bits(mask) & Bits(whenFalse)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LossScalar LanesFrom(int first) => FromBits(first <= 0 ? AllBits : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(LossScalar x) => x._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SumAcross(LossScalar x) => x._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Accumulate(double sum, LossScalar x) => sum + x._v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Total(double sum) => sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bits(LossScalar x) => BitConverter.SingleToInt32Bits(x._v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LossScalar FromBits(int bits) => new(BitConverter.Int32BitsToSingle(bits));
}
