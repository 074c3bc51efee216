namespace SimdMlp.Kernels;

public static partial class Gemm
{
    /// <summary>
    /// The fused forward step of a dense layer: C = g(op(A)·op(B) + bias), bias broadcast along rows.
    /// </summary>
    /// <param name="transA">Whether A is used transposed.</param>
    /// <param name="transB">Whether B is used transposed.</param>
    /// <param name="m">Rows of op(A) and of C (the batch).</param>
    /// <param name="n">Columns of op(B) and of C (the layer's outputs).</param>
    /// <param name="k">Columns of op(A) and rows of op(B) (the layer's inputs).</param>
    /// <param name="a">A, stored m×k (<see cref="Transpose.No"/>) or k×m, row-major.</param>
    /// <param name="lda">Row stride of A as stored.</param>
    /// <param name="b">B, stored k×n (<see cref="Transpose.No"/>) or n×k, row-major.</param>
    /// <param name="ldb">Row stride of B as stored.</param>
    /// <param name="bias">The n biases.</param>
    /// <param name="activation">g, applied elementwise.</param>
    /// <param name="c">Receives A = g(Z), m×n with row stride <paramref name="ldc"/>; never read.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="preActivation">
    /// Empty, or receives Z = op(A)·op(B) + bias as a dense m×n matrix, for activations whose derivative needs Z
    /// (<see cref="ActivationFunction.Saved"/> is <see cref="SavedForBackward.Input"/>).
    /// </param>
    /// <param name="maxDegreeOfParallelism">Threads for the product; results are bit-identical whatever the value.</param>
    /// <exception cref="ArgumentException">A span is too short, or <paramref name="bias"/> is not n long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or stride is out of range.</exception>
    /// <remarks>
    /// The bias and activation run row by row straight after the product, while C is still in cache; measured at the
    /// batch-64 MLP shapes this costs a few percent over the bare product (see README). Allocation-free.
    /// </remarks>
    public static void SgemmBiasActivation(Transpose transA, Transpose transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, ReadOnlySpan<float> bias,
        ActivationFunction activation, Span<float> c, int ldc, Span<float> preActivation = default,
        int maxDegreeOfParallelism = 1)
    {
        GemmArguments.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc, maxDegreeOfParallelism);
        if (bias.Length != n)
            throw new ArgumentException($"bias has {bias.Length} elements, but C has n = {n} columns.", nameof(bias));
        if (!preActivation.IsEmpty && preActivation.Length < (long)m * n)
        {
            throw new ArgumentException(
                $"preActivation has {preActivation.Length} elements, but Z is {m}×{n} = {(long)m * n}.", nameof(preActivation));
        }

        GemmDriver.Run(SimdCapabilities.ActivePath, transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc,
            maxDegreeOfParallelism);
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            var z = preActivation.IsEmpty ? default : preActivation.Slice(i * n, n);
            Activation.ForwardWithBias(activation, bias, row, z);
        }
    }
}
