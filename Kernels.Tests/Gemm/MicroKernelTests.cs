using System.Globalization;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// Each micro-kernel (every family's main kernel, and every kernel by id, narrow ones included) called directly
/// through <c>MicroKernels.Run</c> on random packed panels:
/// every kc from 0 up past KC, alpha/beta combinations, ldc ≥ NR with sentinels in the padding and around the tile,
/// NaN in C when beta is 0, and panels that start at an odd element offset.
/// </summary>
public sealed class MicroKernelTests
{
    private static readonly (float Alpha, float Beta)[] s_scalars =
        [(1f, 0f), (1f, 1f), (-0.5f, 0f), (2.5f, -1.25f), (0f, 1f), (0f, 0.5f), (0f, 0f), (1f, -1f)];

    /// <summary>Every micro-kernel by name (the enum is internal).</summary>
    public static TheoryData<string> Kernels() => new(Enum.GetNames<MicroKernelId>());

    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Family_main_kernel_matches_reference_for_every_kc(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        RunAll(path.ToString(), MicroKernels.Blocking(path), 20240611 + (int)path,
            (kc, a, b, c, ldc, alpha, beta) => MicroKernels.Run(path, kc, a, b, c, ldc, alpha, beta));
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Every_kernel_matches_reference_for_every_kc(string kernelName)
    {
        var kernel = Enum.Parse<MicroKernelId>(kernelName);
        // The family a kernel belongs to is the one whose main or narrow kernel it is.
        var owners = SimdPaths.All.Where(p => MicroKernels.Main(p) == kernel || MicroKernels.Narrow(p) == kernel).ToArray();
        Assert.True(owners.Length == 1, $"{kernel} should belong to exactly one family, not [{string.Join(", ", owners)}]");
        SimdPaths.SkipUnlessAccelerated(owners[0]);
        RunAll(kernelName, MicroKernels.Blocking(kernel), 20240612 + (int)kernel,
            (kc, a, b, c, ldc, alpha, beta) => MicroKernels.Run(kernel, kc, a, b, c, ldc, alpha, beta));
    }

    private delegate void KernelCall(int kc, ReadOnlySpan<float> aPanel, ReadOnlySpan<float> bPanel, Span<float> c,
        int ldc, float alpha, float beta);

    private static void RunAll(string name, GemmBlocking blocking, int seed, KernelCall call)
    {
        int mr = blocking.MR, nr = blocking.NR, kcMax = blocking.KC;
        int[] kcs = new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129 }
            .Concat([kcMax - 1, kcMax, kcMax + 1]).Where(kc => kc >= 0).Distinct().Order().ToArray();
        int[] ldcs = [nr, nr + 1, nr + 7, 2 * nr + 3];
        var random = new Random(seed);

        int combination = 0;
        foreach (int kc in kcs)
        {
            foreach (var (alpha, beta) in s_scalars)
            {
                int ldc = ldcs[combination % ldcs.Length];
                int panelOffset = combination % 3 == 2 ? 1 : 0;
                RunOnce(name, call, mr, nr, kc, alpha, beta, ldc, panelOffset, random);
                combination++;
            }
        }
    }

    private static void RunOnce(string name, KernelCall call, int mr, int nr, int kc, float alpha, float beta, int ldc,
        int panelOffset, Random random)
    {
        string context = string.Create(CultureInfo.InvariantCulture,
            $"MicroKernels.Run({name}) MR={mr} NR={nr} kc={kc} alpha={alpha:R} beta={beta:R} ldc={ldc} panel offset {panelOffset}");

        // Packed panels inside quiet-NaN buffers: a read before or past a panel poisons C.
        var aBuffer = new SentinelBuffer(panelOffset + kc * mr, guard: 32, SentinelBuffer.QuietNaNBits);
        var bBuffer = new SentinelBuffer(panelOffset + kc * nr, guard: 32, SentinelBuffer.QuietNaNBits);
        var aPanel = aBuffer.Span[panelOffset..];
        var bPanel = bBuffer.Span[panelOffset..];
        for (int i = 0; i < aPanel.Length; i++) aPanel[i] = 2 * random.NextSingle() - 1;
        for (int i = 0; i < bPanel.Length; i++) bPanel[i] = 2 * random.NextSingle() - 1;

        var c = new GuardedMatrix(mr, nr, ldc);
        if (beta == 0) c.FillWindow(float.NaN);
        else c.FillWindow(random);

        // Packed A element (i, p) at p·MR + i is a kc×MR row-major matrix: Aᵀ with lda = MR. B is kc×NR, ldb = NR.
        var reference = NaiveGemm.Compute(Transpose.Yes, Transpose.No, mr, nr, kc, alpha, aPanel, mr, bPanel, nr,
            beta, c.Span, ldc);
        var aSnapshot = aBuffer.Snapshot();
        var bSnapshot = bBuffer.Snapshot();

        call(kc, aPanel, bPanel, c.Span, ldc, alpha, beta);

        c.AssertSentinelsIntact("C tile", context);
        reference.AssertMatches(c.Span, ldc, context);
        Assert.True(Tolerance.FirstBitMismatch(aBuffer.Storage, aSnapshot) < 0, $"{context}: A panel was modified");
        Assert.True(Tolerance.FirstBitMismatch(bBuffer.Storage, bSnapshot) < 0, $"{context}: B panel was modified");
    }
}
