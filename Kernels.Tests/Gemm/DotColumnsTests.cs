using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// Batch 1..3 with op(B) stored transposed (dX = dZ·Wᵀ at batch 1) on AVX-512: sixteen columns per pass, summed by
/// one shuffle tree (<c>DotColumnsAvx512</c>). It must match the double reference (padding, beta, NaN C, sentinels
/// and 1-4 threads as every GEMM case draws them), and a column's bits must not depend on where a column range
/// starts or ends, which is what keeps a split over threads bit-identical.
/// </summary>
public sealed class DotColumnsTests
{
    private const int Cases = 200;

    /// <summary>n across whole and partial 16-column blocks up to 800; k around multiples of 16 (the masked tail).</summary>
    private static Gen<GemmCase> Transposed =>
        GemmCase.WithShapes(GemmEntry.Driver, SimdPath.Avx512,
            from m in Gen.Choose(1, 3)
            from n in Gen.Frequency(
                (2, Gen.Choose(1, 40)),
                (2, from blocks in Gen.Choose(1, 50) from d in Gen.Choose(-1, 1) select Math.Max(1, 16 * blocks + d)),
                (1, Gen.Choose(1, 800)))
            from k in Gen.Frequency(
                (2, Gen.Choose(1, 20)),
                (3, from groups in Gen.Choose(1, 20) from d in Gen.Choose(-1, 1) select 16 * groups + d),
                (1, Gen.Choose(1, 300)))
            select (m, n, k))
        .Select(c => c with { TransB = Transpose.Yes });

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Transposed_B_at_batch_1_to_3_matches_reference() =>
        Prop.ForAll(Arb.From(Transposed, GemmCase.Shrink), c => GemmProblem.Check(c));

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property A_column_has_the_same_bits_whatever_range_it_is_in() =>
        Prop.ForAll(Arb.From(
            from n in Gen.Choose(1, 100)
            from k in Gen.Choose(1, 70)
            from cut in Gen.Choose(0, n)
            from beta in Gen.Elements(0f, 1f, -0.5f)
            select (n, k, cut, beta)), t => Check(t.n, t.k, t.cut, t.beta));

    private static unsafe void Check(int n, int k, int cut, float beta)
    {
        var random = new Random(n * 1000 + k);
        float[] x = Enumerable.Range(0, k).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] b = Enumerable.Range(0, n * k).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] c0 = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
        float[] whole = (float[])c0.Clone(), split = (float[])c0.Clone();
        fixed (float* px = x, pb = b, pw = whole, ps = split)
        {
            DotColumnsAvx512.Run(0, n, k, 0.75f, px, pb, k, beta, pw);
            DotColumnsAvx512.Run(0, cut, k, 0.75f, px, pb, k, beta, ps);
            DotColumnsAvx512.Run(cut, n, k, 0.75f, px, pb, k, beta, ps);
        }

        int mismatch = Tolerance.FirstBitMismatch(whole, split);
        Assert.True(mismatch < 0, $"n={n} k={k} cut at {cut}: column {mismatch} differs");
        for (int j = 0; j < n; j++)
        {
            double dot = 0;
            for (int p = 0; p < k; p++) dot += (double)x[p] * b[j * k + p];
            double expected = 0.75 * dot + beta * c0[j];
            Assert.True(Tolerance.IsWithin(whole[j], expected, Tolerance.DotBound(k + 1, 1.0)), $"n={n} k={k}: column {j} is {whole[j]}, expected {expected}");
        }
    }
}
