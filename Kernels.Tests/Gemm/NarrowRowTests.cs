using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// Batch 1..3 with narrow dense op(B) (n even ≤ 12, B stored k×n with ldb = n: the N = 10 output layer at batch 1) on
/// AVX-512 reads op(B) as a flat run of full vectors (<c>NarrowRowAvx512</c>). It must match the double reference
/// (with B's NaN guards, C's sentinels and a NaN C under beta 0), and give the same bits as the masked-row loop it
/// stands in for, which the same data takes when B's rows are padded (ldb &gt; n).
/// </summary>
public sealed class NarrowRowTests
{
    private const int Cases = 200;

    /// <summary>
    /// m 1..3; n mostly the even widths the kernel takes, sometimes the neighbours it leaves (1, 3, 13, 14, 16);
    /// k from 1, around multiples of its eight-row groups (the tail rows), and up to 300.
    /// </summary>
    private static Gen<GemmCase> Dense =>
        GemmCase.WithShapes(GemmEntry.Driver, SimdPath.Avx512,
            from m in Gen.Choose(1, 3)
            from n in Gen.Frequency((4, Gen.Elements(2, 4, 6, 8, 10, 12)), (1, Gen.Elements(1, 3, 13, 14, 16)))
            from k in Gen.Frequency(
                (2, Gen.Choose(1, 17)),
                (3, from groups in Gen.Choose(1, 40) from d in Gen.Choose(-1, 1) select 8 * groups + d),
                (1, Gen.Choose(1, 300)))
            select (m, n, k),
            Gen.Constant(Transpose.No))
        .Select(c => c with { TransB = Transpose.No, PadA = 0, PadB = 0 });

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Dense_narrow_B_matches_reference() => Prop.ForAll(Arb.From(Dense, GemmCase.Shrink), c =>
    {
        GemmProblem.Check(c);
        GemmProblem.Check(c with { Entry = GemmEntry.Public, Path = SimdCapabilities.ActivePath });
    });

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Flat_and_masked_row_loops_give_the_same_bits() =>
        Prop.ForAll(Arb.From(from c in Dense from pad in Gen.Choose(1, 3) select (c, pad)), x =>
        {
            var dense = GemmProblem.Create(x.c);
            dense.Invoke();
            var padded = GemmProblem.Create(x.c with { PadB = x.pad });
            padded.Invoke();
            int mismatch = Tolerance.FirstBitMismatch(dense.C.CopyWindow(), padded.C.CopyWindow());
            Assert.True(mismatch < 0, $"{x.c}: C element {mismatch} differs between ldb = n and ldb = n + {x.pad}");
        });
}
