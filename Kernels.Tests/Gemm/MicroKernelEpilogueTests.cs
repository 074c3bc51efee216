using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// The micro-kernels that apply the fused bias + activation in their registers (<c>IMicroKernel.FusesEpilogue</c>),
/// called directly through <c>MicroKernels.RunFused</c>: C and Z must be bit for bit what the same kernel's plain run
/// followed by the epilogue over the stored tile gives (the macro-kernel's path for the other kernels), for every
/// activation, with and without Z, beta zero or not, at any tile position, with the guards of C, Z and bias intact.
/// </summary>
public sealed class MicroKernelEpilogueTests
{
    private static readonly (float Alpha, float Beta)[] s_scalars = [(1f, 0f), (1f, 1f), (-0.5f, 0f), (2.5f, -1.25f)];

    private static readonly int[] s_kcs = [0, 1, 7, 64, 255, 1025];

    /// <summary>Every micro-kernel by name (the enum is internal).</summary>
    public static TheoryData<string> Kernels() => new(Enum.GetNames<MicroKernelId>());

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Fused_run_equals_plain_run_then_epilogue(string kernelName)
    {
        var kernel = Enum.Parse<MicroKernelId>(kernelName);
        var owner = SimdPaths.All.First(p => MicroKernels.Main(p) == kernel || MicroKernels.Narrow(p) == kernel);
        SimdPaths.SkipUnlessAccelerated(owner);
        var random = new Random(20261124 + (int)kernel);
        int combination = 0;
        foreach (int kc in s_kcs)
        {
            foreach (var (alpha, beta) in s_scalars)
            {
                foreach (var kind in Enum.GetValues<ActivationKind>())
                {
                    bool keepZ = combination % 2 == 0;
                    if (!Check(kernel, kind, kc, alpha, beta, keepZ, random, combination++))
                    {
                        // A kernel that does not fuse leaves the epilogue to the macro-kernel's pass over C.
                        Assert.NotEqual(MicroKernelId.Avx512x8x32, kernel);
                        return;
                    }
                }
            }
        }
    }

    private static bool Check(MicroKernelId kernel, ActivationKind kind, int kc, float alpha, float beta, bool keepZ,
        Random random, int combination) => kind switch
        {
            ActivationKind.Relu => Check(kernel, default(ReluOperator), kc, alpha, beta, keepZ, random, combination),
            ActivationKind.LeakyRelu => Check(kernel, new LeakyReluOperator(0.05f), kc, alpha, beta, keepZ, random, combination),
            ActivationKind.Sigmoid => Check(kernel, default(SigmoidOperator), kc, alpha, beta, keepZ, random, combination),
            ActivationKind.Tanh => Check(kernel, default(TanhOperator), kc, alpha, beta, keepZ, random, combination),
            ActivationKind.Gelu => Check(kernel, default(GeluOperator), kc, alpha, beta, keepZ, random, combination),
            _ => Check(kernel, default(IdentityOperator), kc, alpha, beta, keepZ, random, combination),
        };

    private static unsafe bool Check<TAct>(MicroKernelId kernel, TAct activation, int kc, float alpha, float beta,
        bool keepZ, Random random, int combination)
        where TAct : struct, IActivationOperator
    {
        var (mr, nr, _, _, _) = MicroKernels.Blocking(kernel);
        int ldc = combination % 2 == 0 ? nr : nr + 7;
        int row0 = random.Next(0, 6), col0 = random.Next(0, 41);
        int zCols = col0 + nr + 3;
        string context = $"{kernel} {typeof(TAct).Name} kc={kc} alpha={alpha} beta={beta} ldc={ldc} " +
            $"tile at ({row0}, {col0}) keepZ={keepZ}";

        var aPanel = new float[kc * mr];
        var bPanel = new float[kc * nr];
        for (int i = 0; i < aPanel.Length; i++) aPanel[i] = 2 * random.NextSingle() - 1;
        for (int i = 0; i < bPanel.Length; i++) bPanel[i] = 2 * random.NextSingle() - 1;

        // Only the tile's columns of the bias may be read, and only the tile's part of Z written.
        var bias = new GuardedMatrix(1, nr, nr, guard: 16, sentinelBits: SentinelBuffer.QuietNaNBits);
        bias.FillWindow(random);
        var expectedC = new GuardedMatrix(mr, nr, ldc);
        var fusedC = new GuardedMatrix(mr, nr, ldc);
        if (beta == 0) expectedC.FillWindow(float.NaN);
        else expectedC.FillWindow(random);
        for (int i = 0; i < mr; i++) expectedC.Span.Slice(i * ldc, nr).CopyTo(fusedC.Span.Slice(i * ldc, nr));
        var expectedZ = new GuardedMatrix(mr, nr, zCols);
        var fusedZ = new GuardedMatrix(mr, nr, zCols);

        bool fused;
        fixed (float* pBias = bias.Span, pc = expectedC.Span, pz = expectedZ.Span, pfz = fusedZ.Span)
        {
            // Shift the pointers so the tile at (row0, col0) of the product lands on the buffers' windows.
            float* biasOrigin = pBias - col0;
            nint zOffset = (nint)row0 * zCols + col0;
            var inRegisters = new BiasActivationEpilogue<TAct>(activation, biasOrigin, keepZ ? pfz - zOffset : null, zCols);
            fused = MicroKernels.RunFused(kernel, kc, aPanel, bPanel, fusedC.Span, ldc, alpha, beta, inRegisters, row0, col0);
            if (!fused) return false;

            MicroKernels.Run(kernel, kc, aPanel, bPanel, expectedC.Span, ldc, alpha, beta);
            var inMemory = new BiasActivationEpilogue<TAct>(activation, biasOrigin, keepZ ? pz - zOffset : null, zCols);
            inMemory.Apply(pc, ldc, 1, row0, col0, mr, nr, false);
        }

        int mismatch = Tolerance.FirstBitMismatch(fusedC.CopyWindow(), expectedC.CopyWindow());
        Assert.True(mismatch < 0, $"{context}: C element {mismatch} of the tile differs");
        fusedC.AssertSentinelsIntact("C", context);
        bias.AssertSentinelsIntact("bias", context);
        fusedZ.AssertSentinelsIntact("Z", context);
        mismatch = Tolerance.FirstBitMismatch(fusedZ.CopyWindow(), expectedZ.CopyWindow());
        Assert.True(mismatch < 0, $"{context}: Z element {mismatch} differs");
        return true;
    }
}
