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
    /// The bias and activation run in the product's epilogue, on each C tile as it leaves the micro-kernel and is
    /// still in L1, so there is no second pass over C. Allocation-free after warm-up.
    /// </remarks>
    public static void SgemmBiasActivation(Transpose transA, Transpose transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, ReadOnlySpan<float> bias,
        ActivationFunction activation, Span<float> c, int ldc, Span<float> preActivation = default,
        int maxDegreeOfParallelism = 1)
    {
        switch (activation.Kind)
        {
            case ActivationKind.Relu:
                SgemmBiasActivation(transA, transB, m, n, k, a, lda, b, ldb, bias, default(ReluOperator), c, ldc, preActivation, maxDegreeOfParallelism);
                break;
            case ActivationKind.LeakyRelu:
                SgemmBiasActivation(transA, transB, m, n, k, a, lda, b, ldb, bias, new LeakyReluOperator(activation.LeakySlope), c, ldc, preActivation, maxDegreeOfParallelism);
                break;
            case ActivationKind.Sigmoid:
                SgemmBiasActivation(transA, transB, m, n, k, a, lda, b, ldb, bias, default(SigmoidOperator), c, ldc, preActivation, maxDegreeOfParallelism);
                break;
            case ActivationKind.Tanh:
                SgemmBiasActivation(transA, transB, m, n, k, a, lda, b, ldb, bias, default(TanhOperator), c, ldc, preActivation, maxDegreeOfParallelism);
                break;
            case ActivationKind.Gelu:
                SgemmBiasActivation(transA, transB, m, n, k, a, lda, b, ldb, bias, default(GeluOperator), c, ldc, preActivation, maxDegreeOfParallelism);
                break;
            default:
                SgemmBiasActivation(transA, transB, m, n, k, a, lda, b, ldb, bias, default(IdentityOperator), c, ldc, preActivation, maxDegreeOfParallelism);
                break;
        }
    }

    /// <summary>
    /// <see cref="SgemmBiasActivation(Transpose, Transpose, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, ActivationFunction, Span{float}, int, Span{float}, int)"/>
    /// with the activation as a type argument, so the epilogue is compiled for it.
    /// </summary>
    /// <typeparam name="TAct">The activation operator.</typeparam>
    /// <param name="transA">Whether A is used transposed.</param>
    /// <param name="transB">Whether B is used transposed.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A) and rows of op(B).</param>
    /// <param name="a">A as stored.</param>
    /// <param name="lda">Row stride of A as stored.</param>
    /// <param name="b">B as stored.</param>
    /// <param name="ldb">Row stride of B as stored.</param>
    /// <param name="bias">The n biases.</param>
    /// <param name="activation">g (<c>default</c> for stateless operators).</param>
    /// <param name="c">Receives g(Z).</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="preActivation">Empty, or receives Z as a dense m×n matrix.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the product.</param>
    /// <exception cref="ArgumentException">A span is too short, or <paramref name="bias"/> is not n long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or stride is out of range.</exception>
    public static unsafe void SgemmBiasActivation<TAct>(Transpose transA, Transpose transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, ReadOnlySpan<float> bias,
        TAct activation, Span<float> c, int ldc, Span<float> preActivation = default, int maxDegreeOfParallelism = 1)
        where TAct : struct, IActivationOperator
    {
        GemmArguments.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc, maxDegreeOfParallelism);
        if (bias.Length != n)
            throw new ArgumentException($"bias has {bias.Length} elements, but C has n = {n} columns.", nameof(bias));
        if (!preActivation.IsEmpty && preActivation.Length < (long)m * n)
        {
            throw new ArgumentException(
                $"preActivation has {preActivation.Length} elements, but Z is {m}×{n} = {(long)m * n}.", nameof(preActivation));
        }

        fixed (float* pBias = bias, pZ = preActivation)
        {
            var epilogue = new BiasActivationEpilogue<TAct>(activation, pBias, preActivation.IsEmpty ? null : pZ, n);
            GemmDriver.Run(SimdCapabilities.ActivePath, transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc,
                maxDegreeOfParallelism, epilogue);
        }
    }
}
