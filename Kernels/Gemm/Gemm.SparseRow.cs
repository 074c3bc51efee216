namespace SimdMlp.Kernels;

public static partial class Gemm
{
    /// <summary>
    /// One sample's dense-layer forward step, skipping zero inputs: c = g(a·B + bias), where the rows of B whose input
    /// a[p] is zero are not read (see remarks for the dense fallback).
    /// </summary>
    /// <param name="a">The input row; k = <c>a.Length</c>.</param>
    /// <param name="b">B, stored k×n row-major with row stride <paramref name="ldb"/>.</param>
    /// <param name="ldb">Row stride of B, at least n.</param>
    /// <param name="n">Columns of B and of c (the layer's outputs).</param>
    /// <param name="bias">The n biases.</param>
    /// <param name="activation">g, applied elementwise.</param>
    /// <param name="c">Receives the n outputs; never read.</param>
    /// <exception cref="ArgumentException">A span is too short, or <paramref name="bias"/> is not n long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or <paramref name="ldb"/> too small.</exception>
    /// <remarks>
    /// <para>
    /// Batch-1 inference streams B from L2, and that bounds its latency; inputs such as image pixels and ReLU outputs
    /// are often half zeros, so skipping their rows roughly halves the bytes read. With finite B the result equals the
    /// dense <see cref="SgemmBiasActivation(Transpose, Transpose, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, ActivationFunction, Span{float}, int, Span{float}, int)"/>
    /// to rounding (each column sums the same products, the zero ones left out). A NaN in <paramref name="a"/> still
    /// propagates.
    /// </para>
    /// <para>
    /// When more than seven inputs in eight are nonzero the dense batch-1 kernel runs instead, since the index list
    /// would save little. So an infinity or NaN in a row of B whose input is zero reaches c only on that dense path
    /// (as 0·∞ = NaN); with finite weights the two agree to rounding. Allocation-free after warm-up.
    /// </para>
    /// </remarks>
    public static void SparseRowBiasActivation(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int ldb, int n,
        ReadOnlySpan<float> bias, ActivationFunction activation, Span<float> c)
    {
        int k = a.Length;
        GemmArguments.Validate(Transpose.No, Transpose.No, 1, n, k, k, Math.Max(k, 1), b.Length, ldb, c.Length, Math.Max(n, 1), 1);
        if (bias.Length != n)
            throw new ArgumentException($"bias has {bias.Length} elements, but c has n = {n} columns.", nameof(bias));

        switch (activation.Kind)
        {
            case ActivationKind.Relu:
                RunSparseRow(a, b, ldb, n, bias, default(ReluOperator), c);
                break;
            case ActivationKind.LeakyRelu:
                RunSparseRow(a, b, ldb, n, bias, new LeakyReluOperator(activation.LeakySlope), c);
                break;
            case ActivationKind.Sigmoid:
                RunSparseRow(a, b, ldb, n, bias, default(SigmoidOperator), c);
                break;
            case ActivationKind.Tanh:
                RunSparseRow(a, b, ldb, n, bias, default(TanhOperator), c);
                break;
            case ActivationKind.Gelu:
                RunSparseRow(a, b, ldb, n, bias, default(GeluOperator), c);
                break;
            default:
                RunSparseRow(a, b, ldb, n, bias, default(IdentityOperator), c);
                break;
        }
    }

    private static unsafe void RunSparseRow<TAct>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int ldb, int n,
        ReadOnlySpan<float> bias, TAct activation, Span<float> c)
        where TAct : struct, IActivationOperator
    {
        fixed (float* pBias = bias)
        {
            var epilogue = new BiasActivationEpilogue<TAct>(activation, pBias, null, n);
            SparseRow.Run(SimdCapabilities.ActivePath, a, b, ldb, n, c, epilogue);
        }
    }
}
