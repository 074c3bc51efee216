using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// <see cref="Kernels.Gemm.SparseRowBiasActivation"/> and its per-path product: one input row times B, skipping the
/// rows of B whose input is zero.
/// </summary>
public sealed class SparseRowTests
{
    // Vector widths and the 4- and 16-vector blocks of every path, and the MLP's layer widths.
    private static readonly int[] s_columnEdges = [4, 8, 10, 16, 32, 64, 128, 256];

    // The MLP's inputs, and the stack/heap switch of the positions buffer (4096).
    private static readonly int[] s_depthEdges = [16, 128, 256, 784, 4096];

    private static Gen<ProductCase> ProductCases =>
        from n in EdgeGen.Dimension(300, s_columnEdges)
        from k in Gen.Frequency((6, EdgeGen.Dimension(800, s_depthEdges)), (1, Gen.Elements(4095, 4096, 4097, 5000)))
        from zeros in Gen.Elements(0.0, 0.3, 0.5, 0.9, 1.0)
        from padding in EdgeGen.Padding()
        from seed in EdgeGen.Seed()
        select new ProductCase(n, k, zeros, padding, seed);

    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Each_path_sums_the_kept_rows(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        Prop.ForAll(ProductCases.ToArbitrary(), c => c.Check(path)).QuickCheckThrowOnFailure();
    }

    // Half zeros takes the sparse kernel; none, and 1 in 16, the dense fallback.
    [Theory]
    [InlineData(784, 256, 0.5)]
    [InlineData(784, 256, 0.0)]
    [InlineData(256, 128, 0.5)]
    [InlineData(256, 128, 0.0625)]
    [InlineData(128, 10, 0.5)]
    [InlineData(128, 10, 0.0)]
    public void Mlp_layers_match_the_dense_fused_product_for_every_activation(int k, int n, double zeroShare)
    {
        var rnd = new Random(k + n);
        float[] a = Inputs(rnd, k, zeroShare), b = Values(rnd, k * n), bias = Values(rnd, n);
        foreach (var kind in Enum.GetValues<ActivationKind>())
        {
            var sparse = new float[n];
            var dense = new float[n];
            Kernels.Gemm.SparseRowBiasActivation(a, b, n, n, bias, kind, sparse);
            Kernels.Gemm.SgemmBiasActivation(Transpose.No, Transpose.No, 1, n, k, a, k, b, n, bias, kind, dense, n);
            for (int j = 0; j < n; j++)
            {
                double magnitude = 1;
                for (int p = 0; p < k; p++) magnitude += Math.Abs((double)a[p] * b[p * n + j]);
                Assert.True(Tolerance.IsWithin(sparse[j], dense[j], 2 * Tolerance.DotBound(k, magnitude) + 1e-6 * Math.Abs(dense[j])),
                    $"{kind}, column {j}: sparse {Tolerance.Describe(sparse[j])}, dense {Tolerance.Describe(dense[j])}");
            }
        }
    }

    [Fact]
    public void Rows_with_a_zero_input_are_never_read()
    {
        const int k = 200, n = 37;
        var rnd = new Random(3);
        float[] a = Inputs(rnd, k, 0.5), b = Values(rnd, k * n), bias = Values(rnd, n);
        var poisoned = (float[])b.Clone();
        for (int p = 0; p < k; p++)
        {
            if (a[p] == 0) poisoned.AsSpan(p * n, n).Fill(float.NaN);
        }

        var expected = new float[n];
        var actual = new float[n];
        Kernels.Gemm.SparseRowBiasActivation(a, b, n, n, bias, ActivationKind.Identity, expected);
        Kernels.Gemm.SparseRowBiasActivation(a, poisoned, n, n, bias, ActivationKind.Identity, actual);
        Assert.Equal(-1, Tolerance.FirstBitMismatch(expected, actual));
    }

    [Fact]
    public void A_nan_input_propagates()
    {
        const int k = 64, n = 20;
        var rnd = new Random(4);
        float[] a = Inputs(rnd, k, 0.7), b = Values(rnd, k * n), c = new float[n];
        a[5] = float.NaN;
        Kernels.Gemm.SparseRowBiasActivation(a, b, n, n, new float[n], ActivationKind.Identity, c);
        Assert.All(c, v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void All_zero_input_gives_the_activated_bias()
    {
        float[] a = new float[300], b = Values(new Random(5), 300 * 17), bias = Values(new Random(6), 17), c = new float[17];
        Kernels.Gemm.SparseRowBiasActivation(a, b, 17, 17, bias, ActivationKind.Relu, c);
        for (int j = 0; j < 17; j++) Assert.Equal(Math.Max(bias[j], 0f), c[j]);
    }

    [Fact]
    public void Bad_arguments_are_rejected_before_writing()
    {
        float[] a = new float[3], b = new float[6], c = [1, 2];
        var e = Assert.Throws<ArgumentException>(() => Kernels.Gemm.SparseRowBiasActivation(a, b, 2, 2, new float[3], ActivationKind.Relu, c));
        Assert.Equal("bias", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Kernels.Gemm.SparseRowBiasActivation(a, new float[5], 2, 2, new float[2], ActivationKind.Relu, c));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("5", e.Message);
        e = Assert.Throws<ArgumentException>(() => Kernels.Gemm.SparseRowBiasActivation(a, b, 2, 2, new float[2], ActivationKind.Relu, new float[1]));
        Assert.Equal("c", e.ParamName);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Gemm.SparseRowBiasActivation(a, b, 1, 2, new float[2], ActivationKind.Relu, c));
        Assert.Equal("ldb", range.ParamName);
        Assert.Equal([1f, 2], c);
    }

    [Theory]
    [InlineData(784, 256)]
    [InlineData(5000, 10)]
    public void A_warm_call_allocates_nothing(int k, int n)
    {
        var rnd = new Random(7);
        float[] a = Inputs(rnd, k, 0.5), b = Values(rnd, k * n), bias = Values(rnd, n), c = new float[n];
        SteadyStateAllocation.AssertNone(() => Kernels.Gemm.SparseRowBiasActivation(a, b, n, n, bias, ActivationKind.Relu, c),
            $"SparseRowBiasActivation k={k} n={n}");
    }

    private static float[] Values(Random rnd, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(rnd.NextDouble() * 2 - 1);
        return values;
    }

    private static float[] Inputs(Random rnd, int count, double zeroShare)
    {
        var values = Values(rnd, count);
        for (int i = 0; i < count; i++)
        {
            if (rnd.NextDouble() < zeroShare) values[i] = rnd.Next(2) == 0 ? 0f : -0f;
        }

        return values;
    }

    /// <summary>One product on one path, inside sentinel guards, against a double reference over the kept rows.</summary>
    public sealed record ProductCase(int N, int K, double ZeroShare, int Padding, int Seed)
    {
        public unsafe bool Check(SimdPath path)
        {
            var rnd = new Random(Seed);
            int ldb = N + Padding;
            float[] a = Inputs(rnd, K, ZeroShare);
            float[] b = Values(rnd, Math.Max(0, (K - 1) * ldb + N));
            var c = new SentinelBuffer(N);
            c.Open(0, N);
            var positions = new int[K + SparseRow.Slack];
            fixed (float* pa = a, pb = b)
            fixed (int* pp = positions)
            {
                int count = SparseRow.NonzeroPositions(path, pa, K, pp);
                int expectedCount = a.Count(v => v != 0);
                Assert.True(count == expectedCount, $"{count} positions for {expectedCount} nonzero inputs ({this}, {path})");
                for (int i = 0; i < count; i++)
                {
                    Assert.True(a[pp[i]] != 0 && (i == 0 || pp[i] > pp[i - 1]), $"position {i} = {pp[i]} ({this}, {path})");
                }

                fixed (float* pc = c.Span)
                {
                    Run(path, pp, count, pa, pb, ldb, N, pc);
                }
            }

            c.AssertSentinelsIntact("c", context: $"{this}, {path}");
            for (int j = 0; j < N; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < K; p++)
                {
                    double term = (double)a[p] * b[p * ldb + j];
                    sum += term;
                    magnitude += Math.Abs(term);
                }

                Assert.True(Tolerance.IsWithin(c.Span[j], sum, Tolerance.DotBound(K, magnitude)),
                    $"column {j}: {Tolerance.Describe(c.Span[j])}, expected {sum:R} ({this}, {path})");
            }

            return true;
        }

        private static unsafe void Run(SimdPath path, int* positions, int count, float* a, float* b, nint ldb, int n, float* c)
        {
            switch (path)
            {
                case SimdPath.Avx512:
                    SparseRowProduct<Vector512<float>, Vector512Ops>.Run(positions, count, a, b, ldb, n, c);
                    break;
                case SimdPath.Avx2:
                    SparseRowProduct<Vector256<float>, Vector256Ops>.Run(positions, count, a, b, ldb, n, c);
                    break;
                case SimdPath.Vector128:
                    SparseRowProduct<Vector128<float>, Vector128Ops>.Run(positions, count, a, b, ldb, n, c);
                    break;
                default:
                    SparseRowProduct<float, ScalarOps>.Run(positions, count, a, b, ldb, n, c);
                    break;
            }
        }
    }
}
