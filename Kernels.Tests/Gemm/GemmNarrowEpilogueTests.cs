using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;
using Xunit;
using Strategy = SimdMlp.Kernels.Tests.Gemm.GemmNarrowTests.Strategy;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// The narrow-n strategies apply the fused bias + activation to each row of C in registers, before its one store
/// (<c>IGemmEpilogue.ApplyRow</c>). Each strategy, called directly on whole and split row ranges, must give exactly the
/// bits of the same strategy without epilogue followed by the epilogue over C in memory (<c>IGemmEpilogue.Apply</c>,
/// what the packed loop uses): A and Z, with C's padding, span tail and guards, Z's guards and the bias's guard intact.
/// </summary>
public sealed class GemmNarrowEpilogueTests
{
    private const int Cases = 150;

    private static Gen<(GemmCase Case, ActivationKind Kind, bool KeepZ)> Generator(Transpose? transA) =>
        from c in GemmNarrowTests.Generator(GemmEntry.Driver, SimdPath.Avx512,
            transA is { } t ? Gen.Constant(t) : null).Where(c => c.N <= 16)
        from kind in Gen.Elements(Enum.GetValues<ActivationKind>())
        from keepZ in Gen.Elements(false, true)
        select (c, kind, keepZ);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Lanes_along_m_fuse_the_epilogue_exactly() =>
        Prop.ForAll(Generator(Transpose.Yes).ToArbitrary(), x => Check(x.Case, x.Kind, x.KeepZ, Strategy.LanesAlongM));

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Dot_products_fuse_the_epilogue_exactly() =>
        Prop.ForAll(Generator(Transpose.No).ToArbitrary(), x => Check(x.Case, x.Kind, x.KeepZ, Strategy.LanesAlongK));

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Lanes_along_n_fuse_the_epilogue_exactly() =>
        Prop.ForAll(Generator(null).ToArbitrary(), x => Check(x.Case, x.Kind, x.KeepZ, Strategy.LanesAlongN));

    private static void Check(GemmCase c, ActivationKind kind, bool keepZ, Strategy strategy)
    {
        switch (kind)
        {
            case ActivationKind.Relu: Check(c, default(ReluOperator), keepZ, strategy); break;
            case ActivationKind.LeakyRelu: Check(c, new LeakyReluOperator(0.05f), keepZ, strategy); break;
            case ActivationKind.Sigmoid: Check(c, default(SigmoidOperator), keepZ, strategy); break;
            case ActivationKind.Tanh: Check(c, default(TanhOperator), keepZ, strategy); break;
            case ActivationKind.Gelu: Check(c, default(GeluOperator), keepZ, strategy); break;
            default: Check(c, default(IdentityOperator), keepZ, strategy); break;
        }
    }

    private static unsafe void Check<TAct>(GemmCase c, TAct activation, bool keepZ, Strategy strategy)
        where TAct : struct, IActivationOperator
    {
        string context = $"{c} [{strategy}, {typeof(TAct).Name}, keepZ={keepZ}]";
        var problem = GemmProblem.Create(c);
        var random = new Random(c.Seed ^ 0x5EED);
        var bias = new GuardedMatrix(1, c.N, c.N, guard: 16, sentinelBits: SentinelBuffer.QuietNaNBits);
        bias.FillWindow(random);
        var expectedZ = new GuardedMatrix(c.M, c.N, c.N);
        var fusedZ = new GuardedMatrix(c.M, c.N, c.N);
        int split = c.Dop == 1 ? c.M : c.M * (c.Seed % 7 + 1) / 8;
        float[] expected;

        fixed (float* pa = problem.A.Span, pb = problem.B.Span, pc = problem.C.Span, pBias = bias.Span)
        fixed (float* pz = expectedZ.Span, pfz = fusedZ.Span)
        {
            var a = c.TransA == Transpose.No ? new StridedMatrix(pa, c.Lda, 1) : new StridedMatrix(pa, 1, c.Lda);
            var b = c.TransB == Transpose.No ? new StridedMatrix(pb, c.Ldb, 1) : new StridedMatrix(pb, 1, c.Ldb);
            var cc = new StridedMatrix(pc, c.Ldc, 1);

            // The reference: the strategy's plain product, then the epilogue over C in memory.
            Run(strategy, 0, c.M, c, a, b, cc, default(NoEpilogue));
            var inMemory = new BiasActivationEpilogue<TAct>(activation, pBias, keepZ ? pz : null, c.N);
            inMemory.Apply(pc, c.Ldc, 1, 0, 0, c.M, c.N, false);
            expected = problem.C.CopyWindow();

            problem.ResetC();
            var inRegisters = new BiasActivationEpilogue<TAct>(activation, pBias, keepZ ? pfz : null, c.N);
            foreach (var (i0, i1) in new[] { (0, split), (split, c.M) })
            {
                if (i0 < i1) Run(strategy, i0, i1, c, a, b, cc, inRegisters);
            }
        }

        int mismatch = Tolerance.FirstBitMismatch(problem.C.CopyWindow(), expected);
        Assert.True(mismatch < 0, $"{context}: C element {mismatch} of the window differs");
        problem.C.AssertSentinelsIntact("C", context);
        bias.AssertSentinelsIntact("bias", context);
        fusedZ.AssertSentinelsIntact("Z", context);
        if (keepZ)
        {
            mismatch = Tolerance.FirstBitMismatch(fusedZ.CopyWindow(), expectedZ.CopyWindow());
            Assert.True(mismatch < 0, $"{context}: Z element {mismatch} differs");
        }
    }

    private static void Run<TEpilogue>(Strategy strategy, int i0, int i1, GemmCase c, StridedMatrix a, StridedMatrix b,
        StridedMatrix cc, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        switch (strategy)
        {
            case Strategy.LanesAlongM: GemmNarrowN.RunLanesAlongM(i0, i1, c.N, c.K, c.Alpha, a, b, c.Beta, cc, epilogue); break;
            case Strategy.LanesAlongK: GemmNarrowDot.Run(i0, i1, c.N, c.K, c.Alpha, a, b, c.Beta, cc, epilogue); break;
            default: GemmNarrowRows.Run(i0, i1, c.N, c.K, c.Alpha, a, b, c.Beta, cc, epilogue); break;
        }
    }
}
