namespace SimdMlp.Kernels;

/// <summary>Single-precision general matrix multiply with BLAS <c>sgemm</c> semantics, row-major.</summary>
public static partial class Gemm
{
    /// <summary>
    /// C = alpha·op(A)·op(B) + beta·C, row-major. op(A) is m×k, op(B) is k×n, C is m×n.
    /// </summary>
    /// <param name="transA">Whether A is used transposed.</param>
    /// <param name="transB">Whether B is used transposed.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A) and rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A, stored m×k (<see cref="Transpose.No"/>) or k×m (<see cref="Transpose.Yes"/>), row-major.</param>
    /// <param name="lda">Row stride of A as stored; at least its row length.</param>
    /// <param name="b">B, stored k×n (<see cref="Transpose.No"/>) or n×k (<see cref="Transpose.Yes"/>), row-major.</param>
    /// <param name="ldb">Row stride of B as stored; at least its row length.</param>
    /// <param name="beta">Scale of C's old value. When 0, C is never read (NaN in C is overwritten).</param>
    /// <param name="c">C, m×n, row-major; elements outside the m×n window are never touched.</param>
    /// <param name="ldc">Row stride of C; at least n.</param>
    /// <param name="maxDegreeOfParallelism">
    /// Threads to use. Work is split over blocks of M and N only, never over K, so the result is bit-identical
    /// whatever the value.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A size or stride is negative or smaller than a stored row.</exception>
    /// <exception cref="ArgumentException">A span is too short for the shape and stride given.</exception>
    /// <remarks>
    /// <c>k == 0</c> scales C by beta; <c>m == 0</c> or <c>n == 0</c> does nothing. After warm-up a call allocates
    /// nothing, and calls from many threads at once are safe (packing buffers are per thread).
    /// </remarks>
    public static void Sgemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        int maxDegreeOfParallelism = 1)
    {
        GemmArguments.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc, maxDegreeOfParallelism);
        GemmDriver.Run(SimdCapabilities.ActivePath, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc,
            maxDegreeOfParallelism);
    }

    /// <summary>The kernel family <see cref="Sgemm"/> uses in this process.</summary>
    public static SimdPath ActivePath => SimdCapabilities.ActivePath;
}
