using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SimdMlp.Kernels;

/// <summary>Row-wise softmax over a row-major [m, n] matrix, and its backward pass (from the output).</summary>
/// <remarks>
/// <para>
/// Each row is shifted by its maximum before exponentiation, so no finite input overflows: a[i, j] =
/// e^(z[i, j] − mᵢ) / Σₖ e^(z[i, k] − mᵢ), mᵢ = maxₖ z[i, k]. A row holding NaN or +∞, or only −∞, gives NaN
/// (as PyTorch does).
/// </para>
/// <para>
/// Sums use one vector accumulator per width, reduced across lanes, then the narrower widths and a scalar remainder:
/// the order is fixed for a given ISA path, so results are deterministic, but may differ in the last bits across paths.
/// The exponentials themselves are path-independent (<see cref="VectorMath.Exp(float)"/>).
/// </para>
/// </remarks>
public static class Softmax
{
    /// <summary>a = softmax(z) per row of <paramref name="columns"/> elements. In place (<paramref name="a"/> = <paramref name="z"/>) is allowed.</summary>
    /// <param name="columns">The row length n (the softmax axis).</param>
    /// <param name="z">[m, n] logits.</param>
    /// <param name="a">Receives [m, n] probabilities; only its first <c>z.Length</c> elements are written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="z"/> is not a whole number of rows, or <paramref name="a"/> is too short or partially overlaps it.
    /// </exception>
    /// <remarks>
    /// Error: within (3 + |z − max|) ULP plus the rounding of the row sum (n float additions) of the exact softmax.
    /// The |z − max| term is the float rounding of z − max, amplified by e^x; it matters only for tiny probabilities.
    /// </remarks>
    public static void Forward(int columns, ReadOnlySpan<float> z, Span<float> a)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        SpanChecks.Rows(z.Length, columns, nameof(z), nameof(columns));
        SpanChecks.UnaryDestination(z, a, nameof(z), nameof(a));

        ForwardRows(ref MemoryMarshal.GetReference(z), ref MemoryMarshal.GetReference(a), (nuint)z.Length, (nuint)columns);
    }

    /// <summary>
    /// dZ[i, j] = a[i, j] · (dA[i, j] − Σₖ dA[i, k] a[i, k]) per row, from the softmax output a.
    /// <paramref name="dZ"/> may be the same span as <paramref name="dA"/> or <paramref name="a"/>.
    /// </summary>
    /// <param name="columns">The row length n.</param>
    /// <param name="dA">[m, n] gradient with respect to the probabilities.</param>
    /// <param name="a">[m, n] softmax output.</param>
    /// <param name="dZ">Receives the [m, n] gradient with respect to the logits; only its first <c>dA.Length</c> elements are written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is negative.</exception>
    /// <exception cref="ArgumentException">Shapes disagree, <paramref name="dZ"/> is too short, or spans partially overlap.</exception>
    public static void Backward(int columns, ReadOnlySpan<float> dA, ReadOnlySpan<float> a, Span<float> dZ)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        SpanChecks.Rows(dA.Length, columns, nameof(dA), nameof(columns));
        SpanChecks.SameLength(dA, a, nameof(dA), nameof(a));
        SpanChecks.UnaryDestination(dA, dZ, nameof(dA), nameof(dZ));
        SpanChecks.NoPartialOverlap(a, dZ, nameof(a), nameof(dZ));

        BackwardRows(dA, a, dZ, columns);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static void ForwardRows(ref float z, ref float a, nuint length, nuint n)
    {
        for (nuint offset = 0; offset < length; offset += n)
        {
            ref float zRow = ref Unsafe.Add(ref z, offset);
            ref float aRow = ref Unsafe.Add(ref a, offset);
            float max = SoftmaxPasses.Max(ref zRow, n);
            float sum = SoftmaxPasses.ExpShiftedAndSum(ref zRow, max, ref aRow, n);
            SoftmaxPasses.Scale(ref aRow, 1f / sum, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static void BackwardRows(ReadOnlySpan<float> dA, ReadOnlySpan<float> a, Span<float> dZ, int columns)
    {
        for (int offset = 0; offset < dA.Length; offset += columns)
        {
            ReadOnlySpan<float> dARow = dA.Slice(offset, columns);
            ReadOnlySpan<float> aRow = a.Slice(offset, columns);
            float dot = SoftmaxPasses.Dot(ref MemoryMarshal.GetReference(dARow), ref MemoryMarshal.GetReference(aRow), (nuint)columns);
            ElementwiseDriver.Binary(new SoftmaxGradientOperator(dot), dARow, aRow, dZ.Slice(offset, columns));
        }
    }
}
