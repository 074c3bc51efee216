using System.Runtime.InteropServices;

namespace SimdMlp.Kernels;

/// <summary>Direct access to each family's micro-kernel, for tests and kernel benchmarks.</summary>
/// <remarks>
/// Packed layout: the A micro-panel holds element (i, p) of the MR×kc block at <c>p·MR + i</c>;
/// the B micro-panel holds element (p, j) of the kc×NR block at <c>p·NR + j</c>. C is an MR×NR row-major tile
/// with row stride ldc. The kernel computes C = alpha·A·B + beta·C, and never reads C when beta is 0.
/// </remarks>
internal static class MicroKernels
{
    /// <summary>Blocking of the family; MR and NR fix the packed panel shapes.</summary>
    public static GemmBlocking Blocking(SimdPath path) => path switch
    {
        SimdPath.Avx512 => new GemmBlocking(8, 32, 128, 256, 4096),
        SimdPath.Avx2 => new GemmBlocking(6, 16, 120, 256, 4096),
        SimdPath.Vector128 => new GemmBlocking(6, 8, 120, 256, 4096),
        _ => new GemmBlocking(4, 4, 64, 256, 4096),
    };

    /// <summary>Runs the family's micro-kernel once on packed panels.</summary>
    public static void Run(SimdPath path, int kc, ReadOnlySpan<float> aPanel, ReadOnlySpan<float> bPanel,
        Span<float> c, int ldc, float alpha, float beta)
    {
        var (mr, nr, _, _, _) = Blocking(path);
        ArgumentOutOfRangeException.ThrowIfNegative(kc);
        ArgumentOutOfRangeException.ThrowIfLessThan(aPanel.Length, kc * mr, nameof(aPanel));
        ArgumentOutOfRangeException.ThrowIfLessThan(bPanel.Length, kc * nr, nameof(bPanel));
        ArgumentOutOfRangeException.ThrowIfLessThan(ldc, nr);
        ArgumentOutOfRangeException.ThrowIfLessThan(c.Length, (mr - 1) * ldc + nr, nameof(c));
        ref float a = ref MemoryMarshal.GetReference(aPanel);
        ref float b = ref MemoryMarshal.GetReference(bPanel);
        ref float cTile = ref MemoryMarshal.GetReference(c);
        switch (path)
        {
            case SimdPath.Avx512: MicroKernel8x32Avx512.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
            case SimdPath.Avx2: MicroKernel6x16Avx2.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
            case SimdPath.Vector128: MicroKernel6x8Vector128.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
            default: MicroKernel4x4Scalar.Run(kc, ref a, ref b, nr, ref cTile, ldc, alpha, beta); break;
        }
    }
}
