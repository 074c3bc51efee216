using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// The k = 1 path (outer products: the batch-1 weight gradient): random cases aimed at it through every family's
/// driver and the public entry, and <c>GemmOuter</c> called directly on two row ranges. Checks as
/// <see cref="GemmPropertyTests"/>: bounds, sentinels, NaN C with beta 0.
/// </summary>
public sealed class GemmOuterTests
{
    private const int Cases = 150;

    /// <summary>
    /// n around the register blocks (8 and 16 vectors of 8 or 16 lanes: 64, 128, 256, and their multiples) ±1, and
    /// 1..300 (ragged columns); m at 1..3 (GemmSmallM's), 4..40, around multiples of the 16-row unit, up to 1000.
    /// </summary>
    public static Gen<GemmCase> Generator(GemmEntry entry, SimdPath path)
    {
        var m = Gen.Frequency(
            (1, Gen.Choose(1, 3)),
            (3, Gen.Choose(4, 40)),
            (3, from blocks in Gen.Choose(1, 60) from d in Gen.Choose(-1, 1) select 16 * blocks + d),
            (1, Gen.Choose(41, 1000)));
        var n = Gen.Frequency(
            (3, from w in Gen.Elements(64, 128, 256, 384, 512, 784) from d in Gen.Choose(-1, 1) select w + d),
            (2, Gen.Choose(17, 300)),
            (1, Gen.Choose(1, 16)));
        return GemmCase.WithShapes(entry, path, from mm in m from nn in n select (mm, nn, 1));
    }

    private static Property ForAll(Gen<GemmCase> gen, Action<GemmCase> check) =>
        Prop.ForAll(Arb.From(gen, GemmCase.Shrink).Filter(c => c.K == 1), check);

    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Driver_matches_reference_on_outer_products(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        ForAll(Generator(GemmEntry.Driver, path), GemmProblem.Check).QuickCheckThrowOnFailure();
    }

    [Property(MaxTest = Cases)]
    public Property Public_Sgemm_matches_reference_on_outer_products() =>
        ForAll(Generator(GemmEntry.Public, SimdCapabilities.ActivePath), GemmProblem.Check);

    [Theory]
    [InlineData(SimdPath.Avx512)]
    [InlineData(SimdPath.Avx2)]
    public void GemmOuter_matches_reference_on_any_row_range(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        ForAll(Generator(GemmEntry.Driver, path), c => CheckDirect(c, path)).QuickCheckThrowOnFailure();
    }

    /// <summary>GemmOuter on the whole of C, or on two row ranges split at a row that need not be block-aligned.</summary>
    private static unsafe void CheckDirect(GemmCase c, SimdPath path)
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
                if (path == SimdPath.Avx512)
                    GemmOuter<Vector512<float>, Vector512Ops>.Run(i0, i1, c.N, c.Alpha, a, b, c.Beta, cc);
                else
                    GemmOuter<Vector256<float>, Vector256Ops>.Run(i0, i1, c.N, c.Alpha, a, b, c.Beta, cc);
            }
        }

        problem.AssertResult(reference, $"GemmOuter<{path}>");
    }
}
