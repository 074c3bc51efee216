using System.Runtime.CompilerServices;

namespace SimdMlp.Kernels;

/// <summary>Packing of op(A) and op(B) blocks into the micro-panel order the micro-kernel streams.</summary>
/// <remarks>
/// <code>
///  Ã (mc×kc block, MR-high micro-panels)      B̃ (kc×nc block, NR-wide micro-panels)
///  panel 0: p=0 [a00 a10 .. a(MR-1)0]         panel 0: p=0 [b00 b01 .. b0(NR-1)]
///           p=1 [a01 a11 .. a(MR-1)1]                  p=1 [b10 b11 .. b1(NR-1)]
///           ...                                        ...
///  panel 1: rows MR..2MR-1, same order        panel 1: columns NR..2NR-1, same order
/// </code>
/// Ragged last panels are zero-padded, so the kernel always runs on full panels and the padding adds zeros.
/// </remarks>
internal static unsafe class Pack<TKernel> where TKernel : struct, IMicroKernel
{
    /// <summary>Packs rows [0, mc) × columns [0, kc) of <paramref name="a"/> into ⌈mc/MR⌉ micro-panels.</summary>
    public static void A(StridedMatrix a, int mc, int kc, float* dst)
    {
        int mr = TKernel.MR;
        for (int i0 = 0; i0 < mc; i0 += mr, dst += mr * kc)
        {
            int rows = Math.Min(mr, mc - i0);
            float* src = a.At(i0, 0);
            if (a.RowStride == 1 && rows == mr)
            {
                // op(A) columns are contiguous (A stored transposed): one MR-long copy per k step.
                for (int p = 0; p < kc; p++)
                {
                    Unsafe.CopyBlockUnaligned(dst + p * mr, src + p * a.ColStride, (uint)(mr * sizeof(float)));
                }
            }
            else if (a.ColStride == 1 && rows == mr && mr == 8 && Transpose8x8.IsSupported)
            {
                // Rows contiguous in k: transpose 8 rows × 8 k at a time into the panel.
                int p = 0;
                for (; p + 8 <= kc; p += 8) Transpose8x8.Run(src + p, a.RowStride, dst + p * mr, mr);
                for (; p < kc; p++)
                {
                    for (int i = 0; i < mr; i++) dst[p * mr + i] = src[i * a.RowStride + p];
                }
            }
            else
            {
                // Short or fully strided panel: scatter each row into its lane of the panel.
                for (int i = 0; i < rows; i++)
                {
                    float* row = src + i * a.RowStride;
                    for (int p = 0; p < kc; p++) dst[p * mr + i] = row[p * a.ColStride];
                }

                for (int i = rows; i < mr; i++)
                {
                    for (int p = 0; p < kc; p++) dst[p * mr + i] = 0;
                }
            }
        }
    }

    /// <summary>Micro-panels of row-major op(B) packed per pass over its rows.</summary>
    /// <remarks>
    /// Zen 4, 8×32 kernel (NR = 32), 2026-11-24 02:20-02:27 UTC, one panel per pass → four: packing 1024×1024 at
    /// KC = 1024 from flushed caches, medians of 40 in three runs, 0.52-0.60 → 0.38-0.56 ms (two and eight panels
    /// per pass measured no better than four); 1024³ on one thread, medians of 9 interleaved samples in three runs,
    /// 103.6-105.7 → 105.5-107.3 GFLOP/s; two threads unchanged within the noise.
    /// </remarks>
    private const int PanelGroup = 4;

    /// <summary>Packs rows [0, kc) × columns [0, nc) of <paramref name="b"/> into ⌈nc/NR⌉ micro-panels.</summary>
    public static void B(StridedMatrix b, int kc, int nc, float* dst)
    {
        int nr = TKernel.NR;
        int j0 = 0;
        if (b.ColStride == 1)
        {
            // Rows contiguous: whole panels a group at a time, so each k step reads one contiguous stretch of the row
            // instead of NR floats every row stride per panel, which the hardware prefetchers follow less well.
            for (; j0 + PanelGroup * nr <= nc; j0 += PanelGroup * nr, dst += PanelGroup * nr * kc)
            {
                float* src = b.At(0, j0);
                for (int p = 0; p < kc; p++)
                {
                    float* row = src + p * b.RowStride;
                    for (int q = 0; q < PanelGroup; q++)
                    {
                        Unsafe.CopyBlockUnaligned(dst + q * nr * kc + p * nr, row + q * nr, (uint)(nr * sizeof(float)));
                    }
                }
            }
        }

        for (; j0 < nc; j0 += nr, dst += nr * kc)
        {
            int cols = Math.Min(nr, nc - j0);
            float* src = b.At(0, j0);
            if (b.ColStride == 1 && cols == nr)
            {
                for (int p = 0; p < kc; p++)
                {
                    Unsafe.CopyBlockUnaligned(dst + p * nr, src + p * b.RowStride, (uint)(nr * sizeof(float)));
                }
            }
            else if (b.RowStride == 1 && cols == nr && nr % 8 == 0 && Transpose8x8.IsSupported)
            {
                // Columns contiguous in k (B stored transposed): transpose 8 columns × 8 k at a time.
                int p = 0;
                for (; p + 8 <= kc; p += 8)
                {
                    for (int j = 0; j < nr; j += 8) Transpose8x8.Run(src + j * b.ColStride + p, b.ColStride, dst + p * nr + j, nr);
                }

                for (; p < kc; p++)
                {
                    for (int j = 0; j < nr; j++) dst[p * nr + j] = src[j * b.ColStride + p];
                }
            }
            else
            {
                for (int j = 0; j < cols; j++)
                {
                    float* col = src + j * b.ColStride;
                    for (int p = 0; p < kc; p++) dst[p * nr + j] = col[p * b.RowStride];
                }

                for (int j = cols; j < nr; j++)
                {
                    for (int p = 0; p < kc; p++) dst[p * nr + j] = 0;
                }
            }
        }
    }
}
