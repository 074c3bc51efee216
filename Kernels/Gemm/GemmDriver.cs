namespace SimdMlp.Kernels;

/// <summary>Placeholder: naive GEMM until the packed driver lands. Internal entry point that forces a kernel family.</summary>
internal static class GemmDriver
{
    public static void Run(SimdPath path, Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        int maxDegreeOfParallelism)
    {
        _ = path; _ = maxDegreeOfParallelism;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float s = 0;
                for (int p = 0; p < k; p++)
                {
                    float x = transA == Transpose.No ? a[i * lda + p] : a[p * lda + i];
                    float y = transB == Transpose.No ? b[p * ldb + j] : b[j * ldb + p];
                    s += x * y;
                }

                c[i * ldc + j] = beta == 0 ? alpha * s : alpha * s + beta * c[i * ldc + j];
            }
        }
    }
}
