using System.Runtime.InteropServices;

namespace SimdMlp.Kernels;

/// <summary>The micro-kernels, one entry per register tile.</summary>
internal enum MicroKernelId
{
    /// <summary><see cref="MicroKernel8x32Avx512"/>.</summary>
    Avx512x8x32,

    /// <summary><see cref="MicroKernel5x32Avx512"/>, for narrow products.</summary>
    Avx512x5x32,

    /// <summary><see cref="MicroKernel6x16Avx2"/>.</summary>
    Avx2x6x16,

    /// <summary><see cref="MicroKernel6x8Vector128"/>.</summary>
    Vector128x6x8,

    /// <summary><see cref="MicroKernel4x4Scalar"/>.</summary>
    Scalar4x4,
}

/// <summary>Blocking of each micro-kernel, and direct access to them for tests and kernel benchmarks.</summary>
/// <remarks>
/// Packed layout: the A micro-panel holds element (i, p) of the MR×kc block at <c>p·MR + i</c>;
/// the B micro-panel holds element (p, j) of the kc×NR block at <c>p·NR + j</c>. C is an MR×NR row-major tile
/// with row stride ldc. The kernel computes C = alpha·A·B + beta·C, and never reads C when beta is 0.
/// The AVX-512 8×32 kernel runs deep slices, KC = 1024, although its 128 KB B̃ micro-panel then streams from L2
/// rather than sitting in L1: Zen 4's L2 (with its prefetchers) keeps the FMAs at 96 % of peak, as below, while every
/// extra slice reads C back from beyond L2 (4 MB at 1024³). 1024³, one thread,
/// Zen 4, this loop with its C prefetch, medians of 7 interleaved samples (2026-11-24 01:39 UTC): KC = 256 106.4
/// GFLOP/s, 512 108.7, 1024 111.4; at KC = 1024, MC 64-256 and NC 512-4096 all within 109.4-110.4. MC = 128 keeps
/// Ã (512 KB) in L2 with fewer L3 passes over B̃ than 64; NC = 1024 bounds the per-thread workspace to 4.5 MB.
/// Taller tiles were slower in the same run: 12×32 109.2, 14×32 108.4, against 8×32's 110.1: each k step
/// broadcasts one A value per two FMAs whatever MR, and loads are not what bounds this kernel on Zen 4.
/// The other kernels keep KC = 256.
/// </remarks>
internal static class MicroKernels
{
    /// <summary>The kernel the family uses for ordinary shapes.</summary>
    public static MicroKernelId Main(SimdPath path) => path switch
    {
        SimdPath.Avx512 => MicroKernelId.Avx512x8x32,
        SimdPath.Avx2 => MicroKernelId.Avx2x6x16,
        SimdPath.Vector128 => MicroKernelId.Vector128x6x8,
        _ => MicroKernelId.Scalar4x4,
    };

    /// <summary>The kernel the family uses when one dimension is narrow (the same as Main where there is none).</summary>
    public static MicroKernelId Narrow(SimdPath path) =>
        path == SimdPath.Avx512 ? MicroKernelId.Avx512x5x32 : Main(path);

    /// <summary>Blocking of the family's main kernel; MR and NR fix the packed panel shapes.</summary>
    public static GemmBlocking Blocking(SimdPath path) => Blocking(Main(path));

    /// <summary>Blocking of one kernel.</summary>
    public static GemmBlocking Blocking(MicroKernelId kernel) => kernel switch
    {
        MicroKernelId.Avx512x8x32 => new GemmBlocking(8, 32, 128, 1024, 1024),
        MicroKernelId.Avx512x5x32 => new GemmBlocking(5, 32, 120, 256, 4096),
        MicroKernelId.Avx2x6x16 => new GemmBlocking(6, 16, 120, 256, 4096),
        MicroKernelId.Vector128x6x8 => new GemmBlocking(6, 8, 120, 256, 4096),
        _ => new GemmBlocking(4, 4, 64, 256, 4096),
    };

    /// <summary>Runs the family's main micro-kernel once on packed panels.</summary>
    public static void Run(SimdPath path, int kc, ReadOnlySpan<float> aPanel, ReadOnlySpan<float> bPanel,
        Span<float> c, int ldc, float alpha, float beta) =>
        Run(Main(path), kc, aPanel, bPanel, c, ldc, alpha, beta);

    /// <summary>Runs one micro-kernel once on packed panels.</summary>
    public static void Run(MicroKernelId kernel, int kc, ReadOnlySpan<float> aPanel, ReadOnlySpan<float> bPanel,
        Span<float> c, int ldc, float alpha, float beta)
    {
        var nr = Blocking(kernel).NR;
        CheckPanels(kernel, kc, aPanel, bPanel, c, ldc);
        ref float a = ref MemoryMarshal.GetReference(aPanel);
        ref float b = ref MemoryMarshal.GetReference(bPanel);
        ref float cTile = ref MemoryMarshal.GetReference(c);
        switch (kernel)
        {
            case MicroKernelId.Avx512x8x32: MicroKernel8x32Avx512.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
            case MicroKernelId.Avx512x5x32: MicroKernel5x32Avx512.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
            case MicroKernelId.Avx2x6x16: MicroKernel6x16Avx2.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
            case MicroKernelId.Vector128x6x8: MicroKernel6x8Vector128.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
            default: MicroKernel4x4Scalar.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
        }
    }

    /// <summary>
    /// Runs one micro-kernel once with the epilogue applied in its registers, as the macro-kernel does on a full tile's
    /// last KC slice; returns false, and does nothing, for a kernel that leaves the epilogue to the macro-kernel.
    /// </summary>
    public static bool RunFused<TEpilogue>(MicroKernelId kernel, int kc, ReadOnlySpan<float> aPanel,
        ReadOnlySpan<float> bPanel, Span<float> c, int ldc, float alpha, float beta, in TEpilogue epilogue, int row0,
        int col0)
        where TEpilogue : struct, IGemmEpilogue => kernel switch
        {
            MicroKernelId.Avx512x8x32 => RunFused<MicroKernel8x32Avx512, TEpilogue>(kernel, kc, aPanel, bPanel, c, ldc, alpha, beta, epilogue, row0, col0),
            MicroKernelId.Avx512x5x32 => RunFused<MicroKernel5x32Avx512, TEpilogue>(kernel, kc, aPanel, bPanel, c, ldc, alpha, beta, epilogue, row0, col0),
            MicroKernelId.Avx2x6x16 => RunFused<MicroKernel6x16Avx2, TEpilogue>(kernel, kc, aPanel, bPanel, c, ldc, alpha, beta, epilogue, row0, col0),
            MicroKernelId.Vector128x6x8 => RunFused<MicroKernel6x8Vector128, TEpilogue>(kernel, kc, aPanel, bPanel, c, ldc, alpha, beta, epilogue, row0, col0),
            _ => RunFused<MicroKernel4x4Scalar, TEpilogue>(kernel, kc, aPanel, bPanel, c, ldc, alpha, beta, epilogue, row0, col0),
        };

    private static bool RunFused<TKernel, TEpilogue>(MicroKernelId kernel, int kc, ReadOnlySpan<float> aPanel,
        ReadOnlySpan<float> bPanel, Span<float> c, int ldc, float alpha, float beta, in TEpilogue epilogue, int row0,
        int col0)
        where TKernel : struct, IMicroKernel
        where TEpilogue : struct, IGemmEpilogue
    {
        if (!TKernel.FusesEpilogue) return false;
        CheckPanels(kernel, kc, aPanel, bPanel, c, ldc);
        TKernel.Run(kc, ref MemoryMarshal.GetReference(aPanel), ref MemoryMarshal.GetReference(bPanel), TKernel.NR,
            ref MemoryMarshal.GetReference(c), ldc, alpha, beta, epilogue, row0, col0);
        return true;
    }

    private static void CheckPanels(MicroKernelId kernel, int kc, ReadOnlySpan<float> aPanel, ReadOnlySpan<float> bPanel,
        Span<float> c, int ldc)
    {
        var (mr, nr, _, _, _) = Blocking(kernel);
        ArgumentOutOfRangeException.ThrowIfNegative(kc);
        ArgumentOutOfRangeException.ThrowIfLessThan(aPanel.Length, kc * mr, nameof(aPanel));
        ArgumentOutOfRangeException.ThrowIfLessThan(bPanel.Length, kc * nr, nameof(bPanel));
        ArgumentOutOfRangeException.ThrowIfLessThan(ldc, nr);
        ArgumentOutOfRangeException.ThrowIfLessThan(c.Length, (mr - 1) * ldc + nr, nameof(c));
    }
}
