namespace SimdMlp.Kernels;

/// <summary>
/// Single-precision exp, sigmoid and tanh for scalars, <c>Vector128/256/512&lt;float&gt;</c> and spans, with measured
/// maximum errors.
/// </summary>
/// <remarks>
/// <para>
/// The bounds are in ULPs of the float result, against double-precision <see cref="Math"/>. They were measured
/// exhaustively, over all 2^32 inputs, with fused (AVX-512) and unfused (SSE) multiply-add; the test suite re-checks
/// them on every ISA path over every 2^12-th bit pattern, dense sweeps of the edges, ±0, subnormals, ±∞ and NaN.
/// Subnormal results are counted in subnormal ULPs (2^−149).
/// </para>
/// <para>
/// Within one process every overload gives the same bits for the same input, whatever the width. Across ISA
/// paths results may differ in the last bit (fused or unfused multiply-add).
/// </para>
/// </remarks>
public static partial class VectorMath
{
    /// <summary>Maximum error of <see cref="Exp(float)"/> and its vector overloads, in ULPs (exhaustive maximum: 0.988).</summary>
    public const double ExpMaxUlp = 1.0;

    /// <summary>Maximum error of <see cref="Sigmoid(float)"/> and its vector overloads, in ULPs (exhaustive maximum: 2.402).</summary>
    public const double SigmoidMaxUlp = 2.5;

    /// <summary>Maximum error of <see cref="Tanh(float)"/> and its vector overloads, in ULPs (exhaustive maximum: 2.498).</summary>
    public const double TanhMaxUlp = 2.5;

    /// <summary>destination[i] = e^x[i]. In place (<paramref name="destination"/> = <paramref name="x"/>) is allowed.</summary>
    /// <param name="x">The exponents.</param>
    /// <param name="destination">Receives e^x; only its first <c>x.Length</c> elements are written.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="x"/>, or overlaps it other than exactly.
    /// </exception>
    public static void Exp(ReadOnlySpan<float> x, Span<float> destination)
    {
        SpanChecks.UnaryDestination(x, destination, nameof(x), nameof(destination));
        ElementwiseDriver.Unary(default(ExpOperator), x, destination);
    }

    /// <summary>destination[i] = σ(x[i]). In place (<paramref name="destination"/> = <paramref name="x"/>) is allowed.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="destination">Receives σ(x); only its first <c>x.Length</c> elements are written.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="x"/>, or overlaps it other than exactly.
    /// </exception>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination)
    {
        SpanChecks.UnaryDestination(x, destination, nameof(x), nameof(destination));
        ElementwiseDriver.Unary(new ActivationForward<SigmoidOperator>(default), x, destination);
    }

    /// <summary>destination[i] = tanh(x[i]). In place (<paramref name="destination"/> = <paramref name="x"/>) is allowed.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="destination">Receives tanh(x); only its first <c>x.Length</c> elements are written.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="x"/>, or overlaps it other than exactly.
    /// </exception>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> destination)
    {
        SpanChecks.UnaryDestination(x, destination, nameof(x), nameof(destination));
        ElementwiseDriver.Unary(new ActivationForward<TanhOperator>(default), x, destination);
    }
}
