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
/// KC = 256 keeps an 8×256 Ã micro-panel (8 KB) in L1 beside the streamed B̃ micro-panel; MC×KC of Ã stays in
/// L2 (128 KB of Zen 4's 1 MB); KC×NC of B̃ (4 MB) sits in L3.
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
        MicroKernelId.Avx512x8x32 => new GemmBlocking(8, 32, 128, 256, 4096),
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
        var (mr, nr, _, _, _) = Blocking(kernel);
        ArgumentOutOfRangeException.ThrowIfNegative(kc);
        ArgumentOutOfRangeException.ThrowIfLessThan(aPanel.Length, kc * mr, nameof(aPanel));
        ArgumentOutOfRangeException.ThrowIfLessThan(bPanel.Length, kc * nr, nameof(bPanel));
        ArgumentOutOfRangeException.ThrowIfLessThan(ldc, nr);
        ArgumentOutOfRangeException.ThrowIfLessThan(c.Length, (mr - 1) * ldc + nr, nameof(c));
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
}
