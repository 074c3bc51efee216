using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// Narrow C (n ≤ 16) as dot products with lanes along k, for op(A) stored row-major (rows contiguous in k): the
/// forward pass of the N = 10 output layer, Z = X·W.
/// </summary>
/// <remarks>
/// Lanes along n (<see cref="GemmNarrowRows"/>) fill 10 of 16 lanes for N = 10, and lanes along m
/// (<see cref="GemmNarrowN"/>) would have to transpose op(A)'s rows; lanes along k fill all 16 and read op(A) in
/// place. op(B) is copied once per call (and per thread) into chunks of 16 k-steps × n columns, zero past k, so the
/// kernel reads it with constant offsets and no masks. Two rows per pass share each load of op(B): 2·n accumulators,
/// at most 24 of the 32 registers. Rows are independent, so a thread's row range cannot change a bit.
/// </remarks>
internal static unsafe class GemmNarrowDot
{
    private const int GroupMax = 12;

    /// <summary>
    /// Below this depth the per-row reduction tree (~3 shuffle/add ops per column) is not paid back by the k/16 FMAs
    /// per column it serves. Measured at n = 10 against <see cref="GemmNarrowRows"/> (m = 64): k = 32 ran at 42 vs 60
    /// GFLOP/s, k = 48 at 54–65 vs 62–63, k = 64 even at 62–63; at k = 128 (m = 32) 68–71 vs 61–62 on a busy machine.
    /// </summary>
    public const int MinDepth = 64;

    /// <summary>
    /// Widest C this path takes. Wider C needs two column groups, each re-reading op(A), while lanes along n are
    /// then (nearly) full: measured m = 64, n = 16, k = 128: 79 GFLOP/s here vs 104 in <see cref="GemmNarrowRows"/>;
    /// n = 12: 85–95 vs 76–79.
    /// </summary>
    public const int MaxColumns = GroupMax;

    /// <summary>Whether this path computes op(A)·op(B): op(A)'s rows contiguous, C narrow enough and k deep enough.</summary>
    public static bool Suits(StridedMatrix a, int n, int k) => a.ColStride == 1 && n <= MaxColumns && k >= MinDepth;

    /// <summary>
    /// C[i0..i1, :] = alpha·op(A)[i0..i1, :]·op(B) + beta·C[i0..i1, :], for 1 ≤ n ≤ 16, k ≥ 1, op(A) with ColStride 1
    /// (any such shape is computed correctly; <see cref="Suits"/> says where it is the fastest), then
    /// <paramref name="epilogue"/> on each row in registers.
    /// </summary>
    public static void Run<TEpilogue>(int i0, int i1, int n, int k, float alpha, StridedMatrix a, StridedMatrix b,
        float beta, StridedMatrix c, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        System.Diagnostics.Debug.Assert(a.ColStride == 1, "dot products read op(A)'s rows in place");
        int chunks = (k + 15) / 16;
        nint chunkStride = (nint)n * 16;
        float* bt = GemmWorkspace.Rent(chunks * chunkStride);
        PackB(b, n, k, bt);

        int g0 = n <= GroupMax ? n : (n + 1) / 2, g1 = n - g0;
        RunGroup(g0, i0, i1, k, alpha, a, bt, chunkStride, beta, c, 0, epilogue);
        if (g1 > 0) RunGroup(g1, i0, i1, k, alpha, a, bt + g0 * 16, chunkStride, beta, c, g0, epilogue);
    }

    /// <summary>bt[c·n·16 + j·16 + l] = op(B)[16c + l, j], zero for 16c + l ≥ k.</summary>
    // Optimized from the first call, like the kernels: a loop method left to tiering can settle on different code
    // in different processes, which made this product's benchmark bimodal.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB(StridedMatrix b, int n, int k, float* bt)
    {
        nint chunkStride = (nint)n * 16;
        if (b.ColStride == 1)
        {
            // op(B)'s rows are contiguous in j: transpose 16 k-steps × n columns per chunk. Whole chunks go 8×8 at a
            // time in 256-bit registers, about half the shuffle work of a 16×16 transpose in 512-bit ones (measured:
            // the pack was ~15% of fwd3 at batch 32); the ragged last chunk 16×16, which zero-fills missing rows.
            int p0 = 0, ch = 0;
            for (; p0 + 16 <= k; p0 += 16, ch++)
            {
                float* src = b.At(p0, 0), dst = bt + ch * chunkStride;
                for (int j0 = 0; j0 < n; j0 += 8, src += 8, dst += 8 * 16)
                {
                    int cols = Math.Min(8, n - j0);
                    if (cols == 8)
                    {
                        Transpose8x8.Run(src, b.RowStride, dst, 16);
                        Transpose8x8.Run(src + 8 * b.RowStride, b.RowStride, dst + 8, 16);
                    }
                    else
                    {
                        Transpose8x8.Run(src, b.RowStride, cols, dst, 16);
                        Transpose8x8.Run(src + 8 * b.RowStride, b.RowStride, cols, dst + 8, 16);
                    }
                }
            }

            if (p0 < k) Transpose16x16.Run(b.At(p0, 0), b.RowStride, k - p0, n, bt + ch * chunkStride, 16);
        }
        else
        {
            // op(B)[p, j] = b[j·ColStride + p]: column j is already contiguous in p; copy, masking the ragged end.
            System.Diagnostics.Debug.Assert(b.RowStride == 1, "one of op(B)'s strides is 1");
            for (int j = 0; j < n; j++)
            {
                float* src = b.At(0, j);
                for (int p0 = 0, ch = 0; p0 < k; p0 += 16, ch++)
                {
                    var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(k - p0)).AsSingle();
                    Avx512F.MaskLoad(src + p0, mask, Vector512<float>.Zero).Store(bt + ch * chunkStride + j * 16);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunGroup<TEpilogue>(int width, int i0, int i1, int k, float alpha, StridedMatrix a, float* bt,
        nint chunkStride, float beta, StridedMatrix c, int col0, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        switch (width)
        {
            case 1: NarrowDotKernelAvx512<NarrowWidth1>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 2: NarrowDotKernelAvx512<NarrowWidth2>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 3: NarrowDotKernelAvx512<NarrowWidth3>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 4: NarrowDotKernelAvx512<NarrowWidth4>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 5: NarrowDotKernelAvx512<NarrowWidth5>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 6: NarrowDotKernelAvx512<NarrowWidth6>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 7: NarrowDotKernelAvx512<NarrowWidth7>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 8: NarrowDotKernelAvx512<NarrowWidth8>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 9: NarrowDotKernelAvx512<NarrowWidth9>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 10: NarrowDotKernelAvx512<NarrowWidth10>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            case 11: NarrowDotKernelAvx512<NarrowWidth11>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
            default: NarrowDotKernelAvx512<NarrowWidth12>.Rows(i0, i1, k, alpha, a, bt, chunkStride, beta, c, col0, epilogue); break;
        }
    }
}
