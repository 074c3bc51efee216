using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// The narrow-n path (n ≤ 16, the N = 10 output layer and its gradients): random cases aimed at it on purpose,
/// through every family's driver (the others fall back to the packed loop) and the public entry, and each of its
/// three strategies called directly: lanes along m (<c>GemmNarrowN.RunLanesAlongM</c>), lanes along k
/// (<c>GemmNarrowDot</c>) and lanes along n (<c>GemmNarrowRows</c>). Checks as <see cref="GemmPropertyTests"/>: bounds, sentinels, NaN C with beta 0.
/// </summary>
public sealed class GemmNarrowTests
{
    private const int Cases = 150;

    /// <summary>
    /// n = 1..17 (17 leaves the path), k small (1..4, the outer products), around 16 (the strategy switch), around
    /// multiples of 16 (the dot products' whole and ragged chunks, and their switch at 64) or up to 300; m at 1..3
    /// (GemmSmallM's, next door), 4..40 and around multiples of the 32-row block up to 300.
    /// </summary>
    public static Gen<GemmCase> Generator(GemmEntry entry, SimdPath path, Gen<Transpose>? transA = null)
    {
        var m = Gen.Frequency(
            (1, Gen.Choose(1, 3)),
            (3, Gen.Choose(4, 40)),
            (3, from blocks in Gen.Choose(1, 9) from d in Gen.Choose(-1, 1) select 32 * blocks + d),
            (1, Gen.Choose(41, 300)));
        var k = Gen.Frequency(
            (3, Gen.Choose(1, 4)),
            (2, Gen.Choose(12, 20)),
            (2, from chunks in Gen.Choose(2, 9) from d in Gen.Choose(-1, 1) select 16 * chunks + d),
            (2, Gen.Choose(1, 300)));
        return GemmCase.WithShapes(entry, path, from mm in m from n in Gen.Choose(1, 17) from kk in k select (mm, n, kk), transA);
    }

    private static Property ForAll(Gen<GemmCase> gen, Action<GemmCase> check) =>
        Prop.ForAll(Arb.From(gen, GemmCase.Shrink), check);

    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Driver_matches_reference_on_narrow_shapes(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        ForAll(Generator(GemmEntry.Driver, path), GemmProblem.Check).QuickCheckThrowOnFailure();
    }

    [Property(MaxTest = Cases)]
    public Property Public_Sgemm_matches_reference_on_narrow_shapes() =>
        ForAll(Generator(GemmEntry.Public, SimdCapabilities.ActivePath), GemmProblem.Check);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Lanes_along_m_match_reference() =>
        ForAll(Generator(GemmEntry.Driver, SimdPath.Avx512, Gen.Constant(Transpose.Yes)).Where(c => c.M >= 1 && c.N <= 16),
            c => CheckStrategy(c, Strategy.LanesAlongM));

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Lanes_along_n_match_reference() =>
        ForAll(Generator(GemmEntry.Driver, SimdPath.Avx512).Where(c => c.N <= 16), c => CheckStrategy(c, Strategy.LanesAlongN));

    /// <summary>Any k ≥ 1 and n ≤ 16, not only where the driver picks it: ragged chunks and two column groups too.</summary>
    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Dot_products_match_reference() =>
        ForAll(Generator(GemmEntry.Driver, SimdPath.Avx512, Gen.Constant(Transpose.No)).Where(c => c.N <= 16),
            c => CheckStrategy(c, Strategy.LanesAlongK));

    internal enum Strategy
    {
        LanesAlongM,
        LanesAlongK,
        LanesAlongN,
    }

    /// <summary>One strategy on the whole of C, or on two row ranges split at a row that need not be block-aligned.</summary>
    private static unsafe void CheckStrategy(GemmCase c, Strategy strategy)
    {
        var problem = GemmProblem.Create(c);
        var reference = problem.ComputeReference();
        fixed (float* pa = problem.A.Span, pb = problem.B.Span, pc = problem.C.Span)
        {
            var a = c.TransA == Transpose.No ? new StridedMatrix(pa, c.Lda, 1) : new StridedMatrix(pa, 1, c.Lda);
            var b = c.TransB == Transpose.No ? new StridedMatrix(pb, c.Ldb, 1) : new StridedMatrix(pb, 1, c.Ldb);
            var cc = new StridedMatrix(pc, c.Ldc, 1);
            int split = c.Dop == 1 ? c.M : c.M * (c.Seed % 7 + 1) / 8;
            foreach (var (i0, i1) in new[] { (0, split), (split, c.M) })
            {
                if (i0 >= i1) continue;
                switch (strategy)
                {
                    case Strategy.LanesAlongM: GemmNarrowN.RunLanesAlongM(i0, i1, c.N, c.K, c.Alpha, a, b, c.Beta, cc, default(NoEpilogue)); break;
                    case Strategy.LanesAlongK: GemmNarrowDot.Run(i0, i1, c.N, c.K, c.Alpha, a, b, c.Beta, cc, default(NoEpilogue)); break;
                    default: GemmNarrowRows.Run(i0, i1, c.N, c.K, c.Alpha, a, b, c.Beta, cc, default(NoEpilogue)); break;
                }
            }
        }

        problem.AssertResult(reference, strategy.ToString());
    }

    [Fact]
    public unsafe void Transpose16x16_moves_every_element_and_writes_only_its_rows()
    {
        Assert.SkipUnless(Transpose16x16.IsSupported, "AVX-512 is not supported here.");
        var random = new Random(7);
        const int srcStride = 21, dstStride = 19;
        for (int rows = 0; rows <= 16; rows++)
        {
            for (int cols = 1; cols <= 16; cols++)
            {
                // The source is exactly rows × cols at stride 21 with nothing after it: a read past would fault-free
                // read garbage, so garbage (NaN) sits around the window and must never show up in the output.
                var src = new float[16 * srcStride + 32];
                Array.Fill(src, float.NaN);
                for (int r = 0; r < rows; r++)
                {
                    for (int q = 0; q < cols; q++) src[r * srcStride + q] = random.Next(1, 1000);
                }

                var dst = new float[17 * dstStride];
                Array.Fill(dst, -7f);
                fixed (float* ps = src, pd = dst) Transpose16x16.Run(ps, srcStride, rows, cols, pd, dstStride);
                for (int q = 0; q < 17; q++)
                {
                    for (int l = 0; l < dstStride; l++)
                    {
                        float want = q < cols && l < 16 ? (l < rows ? src[l * srcStride + q] : 0f) : -7f;
                        Assert.True(dst[q * dstStride + l] == want,
                            $"rows={rows} cols={cols}: output row {q} lane {l} is {dst[q * dstStride + l]}, expected {want}");
                    }
                }
            }
        }
    }

    [Fact]
    public unsafe void Masked_Transpose8x8_moves_its_columns_and_writes_only_its_rows()
    {
        Assert.SkipUnless(Transpose8x8.IsSupported, "AVX is not supported here.");
        var random = new Random(8);
        const int srcStride = 13, dstStride = 11;
        for (int cols = 1; cols <= 8; cols++)
        {
            // NaN past each source row's cols floats must not reach a row that is written.
            var src = new float[8 * srcStride];
            Array.Fill(src, float.NaN);
            for (int r = 0; r < 8; r++)
            {
                for (int q = 0; q < cols; q++) src[r * srcStride + q] = random.Next(1, 1000);
            }

            var dst = new float[9 * dstStride];
            Array.Fill(dst, -7f);
            fixed (float* ps = src, pd = dst) Transpose8x8.Run(ps, srcStride, cols, pd, dstStride);
            for (int q = 0; q < 9; q++)
            {
                for (int l = 0; l < dstStride; l++)
                {
                    float want = q < cols && l < 8 ? src[l * srcStride + q] : -7f;
                    Assert.True(dst[q * dstStride + l] == want,
                        $"cols={cols}: output row {q} lane {l} is {dst[q * dstStride + l]}, expected {want}");
                }
            }
        }
    }
}
