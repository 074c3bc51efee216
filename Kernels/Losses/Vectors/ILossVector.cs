using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// One SIMD width of float lanes, so that each loss kernel is written once and the JIT specialises it per width:
/// <see cref="LossVector512"/>, <see cref="LossVector256"/>, <see cref="LossVector128"/> and the one-lane
/// <see cref="LossScalar"/>.
/// </summary>
/// <typeparam name="TSelf">The implementing width: a struct wrapping one vector (or one float).</typeparam>
/// <typeparam name="TSum">
/// The double-precision accumulator of this width (for example <see cref="Vector512{T}"/> of double), in which
/// loss terms are summed so the loss does not lose precision with the batch size.
/// </typeparam>
/// <remarks>
/// Why not <c>ISimdVector</c>: it is internal to the BCL in .NET 10. Why not the TensorPrimitives shape (one
/// operator struct with an <c>Invoke</c> per width) as for the optimizers: losses are multi-pass row algorithms
/// with reductions and two outputs, so the driver, not the operator, is the bulk of the code, and writing it once
/// instead of four times is what keeps it small. Every member is a one-line wrapper that the JIT inlines.
/// </remarks>
internal interface ILossVector<TSelf, TSum>
    where TSelf : struct, ILossVector<TSelf, TSum>
    where TSum : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes 0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>All lanes <paramref name="value"/>.</summary>
    static abstract TSelf Create(float value);

    /// <summary>Loads <see cref="Count"/> floats from <c>source[index..]</c>, unaligned.</summary>
    static abstract TSelf Load(ref float source, nuint index);

    /// <summary>Stores <see cref="Count"/> floats to <c>destination[index..]</c>, unaligned.</summary>
    static abstract void Store(TSelf value, ref float destination, nuint index);

    /// <summary>x + y.</summary>
    static abstract TSelf operator +(TSelf x, TSelf y);

    /// <summary>x − y.</summary>
    static abstract TSelf operator -(TSelf x, TSelf y);

    /// <summary>x · y.</summary>
    static abstract TSelf operator *(TSelf x, TSelf y);

    /// <summary>x / y.</summary>
    static abstract TSelf operator /(TSelf x, TSelf y);

    /// <summary>Bitwise x &amp; y (with a lane mask: keeps x where the mask is set, else +0).</summary>
    static abstract TSelf operator &(TSelf x, TSelf y);

    /// <summary>max(x, y) with the platform's NaN behaviour (NaN inputs make the loss NaN through exp anyway).</summary>
    static abstract TSelf Max(TSelf x, TSelf y);

    /// <summary>|x|.</summary>
    static abstract TSelf Abs(TSelf x);

    /// <summary>eˣ. The one place the loss kernels get their exponential from.</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>Lane mask: all bits set where x ≥ y, else 0.</summary>
    static abstract TSelf GreaterThanOrEqual(TSelf x, TSelf y);

    /// <summary>mask ? whenTrue : whenFalse, per lane (bitwise).</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    /// <summary>Lane mask: all bits set in lanes <paramref name="first"/> to <see cref="Count"/> − 1, else 0.</summary>
    static abstract TSelf LanesFrom(int first);

    /// <summary>The largest lane.</summary>
    static abstract float MaxAcross(TSelf x);

    /// <summary>The sum of the lanes, in a fixed order for this width.</summary>
    static abstract float SumAcross(TSelf x);

    /// <summary>sum + x, with every lane of x widened to double first.</summary>
    static abstract TSum Accumulate(TSum sum, TSelf x);

    /// <summary>The sum of the lanes of a double accumulator, in a fixed order for this width.</summary>
    static abstract double Total(TSum sum);
}
