using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// <see cref="Kernels.Gemm.SgemmBiasActivation(Transpose, Transpose, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, ActivationFunction, Span{float}, int, Span{float}, int)"/>:
/// the epilogue must give exactly what the plain product followed by a separate bias + activation gives.
/// </summary>
public sealed class FusedForwardTests
{
    private static readonly ActivationKind[] s_kinds = Enum.GetValues<ActivationKind>();

    // Tile and block edges of every family, and the narrow kernel's 5 rows (narrow products run transposed).
    private static readonly int[] s_edges = [4, 5, 6, 8, 10, 16, 32, 64, 256];

    private static Gen<FusedCase> Cases =>
        from m in EdgeGen.Dimension(300, s_edges)
        from n in EdgeGen.Dimension(300, s_edges)
        from k in EdgeGen.Dimension(600, s_edges)
        from transA in Gen.Elements(Transpose.No, Transpose.Yes)
        from transB in Gen.Elements(Transpose.No, Transpose.Yes)
        from kind in Gen.Elements(s_kinds)
        from keepZ in Gen.Elements(false, true)
        from threads in Gen.Elements(1, 2, 3)
        from padding in Gen.Choose(0, 3)
        from seed in EdgeGen.Seed()
        where (long)m * n * k <= 3_000_000
        select new FusedCase(m, n, k, transA, transB, kind, keepZ, threads, padding, seed);

    [Property(MaxTest = 150)]
    public Property Epilogue_equals_product_then_bias_and_activation() =>
        Prop.ForAll(Cases.ToArbitrary(), c => c.Check());

    [Theory]
    [InlineData(64, 256, 784)]
    [InlineData(64, 10, 128)]
    [InlineData(1, 10, 128)]
    [InlineData(256, 10, 300)]
    [InlineData(24, 64, 1100)] // two KC slices on AVX-512: the epilogue runs on the slice that accumulates onto C
    public void Mlp_shapes_match_for_every_activation(int m, int n, int k)
    {
        foreach (var kind in s_kinds)
        {
            new FusedCase(m, n, k, Transpose.No, Transpose.No, kind, kind == ActivationKind.Gelu, 2, 1, 7).Check();
        }
    }

    [Fact]
    public void Bias_of_the_wrong_length_is_rejected_before_writing()
    {
        float[] a = new float[6], b = new float[6], c = [1, 2, 3, 4];
        var e = Assert.Throws<ArgumentException>(() =>
            Kernels.Gemm.SgemmBiasActivation(Transpose.No, Transpose.No, 2, 2, 3, a, 3, b, 2, new float[3],
                ActivationKind.Relu, c, 2));
        Assert.Equal("bias", e.ParamName);
        Assert.Contains("3", e.Message);
        Assert.Equal([1f, 2, 3, 4], c);
    }

    [Fact]
    public void Too_short_preactivation_is_rejected_before_writing()
    {
        float[] a = new float[6], b = new float[6], c = [1, 2, 3, 4];
        var e = Assert.Throws<ArgumentException>(() =>
            Kernels.Gemm.SgemmBiasActivation(Transpose.No, Transpose.No, 2, 2, 3, a, 3, b, 2, new float[2],
                ActivationKind.Gelu, c, 2, new float[3]));
        Assert.Equal("preActivation", e.ParamName);
        Assert.Equal([1f, 2, 3, 4], c);
    }

    /// <summary>One random fused call and its two-step reference.</summary>
    public sealed record FusedCase(int M, int N, int K, Transpose TransA, Transpose TransB, ActivationKind Kind,
        bool KeepZ, int Threads, int Padding, int Seed)
    {
        public bool Check()
        {
            var rnd = new Random(Seed);
            int lda = Math.Max(1, TransA == Transpose.No ? K : M) + Padding;
            int ldb = Math.Max(1, TransB == Transpose.No ? N : K) + Padding;
            int ldc = Math.Max(1, N) + Padding;
            var a = Random(rnd, (TransA == Transpose.No ? M : K) * lda);
            var b = Random(rnd, (TransB == Transpose.No ? K : N) * ldb);
            var bias = Random(rnd, N);
            var function = new ActivationFunction(Kind, 0.05f);

            var fused = new float[M * ldc];
            Array.Fill(fused, float.NaN);
            for (int i = 0; i < M; i++) fused.AsSpan(i * ldc + N, ldc - N).Fill(-7f);
            var z = KeepZ ? new float[M * N] : null;
            Kernels.Gemm.SgemmBiasActivation(TransA, TransB, M, N, K, a, lda, b, ldb, bias, function, fused, ldc, z, Threads);

            var product = new float[M * ldc];
            Kernels.Gemm.Sgemm(TransA, TransB, M, N, K, 1f, a, lda, b, ldb, 0f, product, ldc, Threads);
            var expectedZ = new float[N];
            var expectedA = new float[N];
            for (int i = 0; i < M; i++)
            {
                for (int j = 0; j < N; j++) expectedZ[j] = product[i * ldc + j] + bias[j];
                Activation.Forward(function, expectedZ, expectedA);
                int mismatch = Tolerance.FirstBitMismatch(fused.AsSpan(i * ldc, N), expectedA);
                Assert.True(mismatch < 0, $"{this}: A[{i},{mismatch}] = {Get(fused, i * ldc + mismatch)}, expected {Get(expectedA, mismatch)}");
                if (z is not null)
                {
                    mismatch = Tolerance.FirstBitMismatch(z.AsSpan(i * N, N), expectedZ);
                    Assert.True(mismatch < 0, $"{this}: Z[{i},{mismatch}] differs");
                }

                for (int j = N; j < ldc; j++) Assert.True(fused[i * ldc + j] == -7f, $"{this}: padding C[{i},{j}] written");
            }

            return true;
        }

        private static float Get(float[] x, int index) => index >= 0 && index < x.Length ? x[index] : float.NaN;

        private static float[] Random(Random rnd, int length)
        {
            var x = new float[Math.Max(length, 0)];
            for (int i = 0; i < x.Length; i++) x[i] = (float)(rnd.NextDouble() * 2 - 1);
            return x;
        }
    }
}
