namespace SimdMlp.Kernels;

/// <summary>
/// Elementwise activations over spans: forward, backward, the fused backward with bias gradient and the fused
/// bias-plus-activation forward. Generic over the operator (<c>Forward(default(ReluOperator), z, a)</c>, specialised by
/// the JIT) or dispatched at run time from an <see cref="ActivationFunction"/> (or an <see cref="ActivationKind"/>).
/// </summary>
/// <remarks>
/// Inputs come first and outputs last. Outputs may be longer than needed (only the leading part is written); an
/// output may be the very same span as an input (in place) but may not overlap it at an offset. Within one process
/// every element's result is independent of its position, the span length and the ISA width that processed it.
/// </remarks>
public static partial class Activation
{
    /// <summary>a[i] = g(z[i]). In place (<paramref name="a"/> = <paramref name="z"/>) is allowed.</summary>
    /// <typeparam name="TAct">The activation operator.</typeparam>
    /// <param name="activation">The operator (<c>default</c> for stateless ones).</param>
    /// <param name="z">The pre-activations.</param>
    /// <param name="a">Receives the activations; only its first <c>z.Length</c> elements are written.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> is too short or partially overlaps <paramref name="z"/>.</exception>
    public static void Forward<TAct>(TAct activation, ReadOnlySpan<float> z, Span<float> a)
        where TAct : struct, IActivationOperator
    {
        SpanChecks.UnaryDestination(z, a, nameof(z), nameof(a));
        ElementwiseDriver.Unary(new ActivationForward<TAct>(activation), z, a);
    }

    /// <summary>
    /// dZ[i] = dA[i] · g′ evaluated from saved[i], which is the output A or the input Z as <c>TAct.Saved</c> says.
    /// <paramref name="dZ"/> may be the same span as <paramref name="dA"/> or <paramref name="saved"/>.
    /// </summary>
    /// <typeparam name="TAct">The activation operator.</typeparam>
    /// <param name="activation">The operator (<c>default</c> for stateless ones).</param>
    /// <param name="dA">Gradient of the loss with respect to the activations.</param>
    /// <param name="saved">The forward value named by <see cref="IActivationOperator.Saved"/>; same length as <paramref name="dA"/>.</param>
    /// <param name="dZ">Receives the gradient with respect to the pre-activations; only its first <c>dA.Length</c> elements are written.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="saved"/> differs in length from <paramref name="dA"/>, or <paramref name="dZ"/> is too short or
    /// partially overlaps an input.
    /// </exception>
    public static void Backward<TAct>(TAct activation, ReadOnlySpan<float> dA, ReadOnlySpan<float> saved, Span<float> dZ)
        where TAct : struct, IActivationOperator
    {
        SpanChecks.SameLength(dA, saved, nameof(dA), nameof(saved));
        SpanChecks.UnaryDestination(dA, dZ, nameof(dA), nameof(dZ));
        SpanChecks.NoPartialOverlap(saved, dZ, nameof(saved), nameof(dZ));
        ElementwiseDriver.Binary(new ActivationBackward<TAct>(activation), dA, saved, dZ);
    }
}
