using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// Unpacked GEMM for a few rows of C (batch 1..3 in an MLP), BLIS's "sup" idea: B is streamed in place, never packed.
/// </summary>
/// <remarks>
/// With m this small each element of B is used m times, so packing B would double the memory traffic that bounds
/// the product. op(B) row-contiguous (B not transposed): C rows are built from broadcast A elements times B rows.
/// op(B) column-contiguous (B transposed): each C element is a dot product along k. The summation order of an
/// element depends only on n, k and its column, so splitting columns between threads keeps results bit-identical.
/// </remarks>
internal static unsafe class GemmSmallM<TVec, TOps> where TVec : struct where TOps : struct, IVectorOps<TVec>
{
    /// <summary>Rows up to which this path beats packing.</summary>
    public const int MaxRows = 3;

    /// <summary>Columns per block of the wide loop: eight vectors of independent accumulators.</summary>
    public static int ColumnBlock => 8 * TOps.Count;

    /// <summary>C[:, j0..j1) = alpha·A·B[:, j0..j1) + beta·C[:, j0..j1) for row-major C (unit column stride).</summary>
    public static void Run(int m, int j0, int j1, int k, float alpha, StridedMatrix a, StridedMatrix b, float beta,
        StridedMatrix c)
    {
        if (b.ColStride == 1)
        {
            // Narrow dense op(B) (the N = 10 output layer): read as one flat run of full vectors, same bits.
            bool flat = TOps.Count == 16 && j0 == 0 && j1 == b.RowStride && a.ColStride == 1;
            for (int i = 0; i < m; i++)
            {
                if (flat && NarrowRowAvx512.TryRun(j1, k, alpha, a.At(i, 0), b.Data, beta, c.At(i, 0))) continue;
                RowTimesB(j0, j1, k, alpha, a.At(i, 0), a.ColStride, b, beta, c.At(i, 0));
            }
        }
        else
        {
            float* aRow = a.ColStride == 1 ? null : GemmWorkspace.Rent(k);
            for (int i = 0; i < m; i++)
            {
                float* x = a.At(i, 0);
                if (aRow != null)
                {
                    for (int p = 0; p < k; p++) aRow[p] = x[p * a.ColStride];
                    x = aRow;
                }

                RowDotColumns(j0, j1, k, alpha, x, b, beta, c.At(i, 0));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowTimesB(int j0, int j1, int k, float alpha, float* x, nint xStride, StridedMatrix b,
        float beta, float* c)
    {
        int w = TOps.Count;
        int j = j0;

        // With 32 registers (AVX-512) a 256-column block fits: B is then read in one sequential pass for the MLP's
        // 256-wide layer, which matters because streaming B from L2 is what bounds batch-1 inference. The per-element
        // sum is formed exactly as in the 8-vector block below, so where the two meet does not change any bits.
        if (TOps.Count == 16)
        {
            for (; j + 16 * w <= j1; j += 16 * w) SixteenVectorBlock(k, alpha, x, xStride, b.Data + j, b.RowStride, beta, c + j);
        }

        for (; j + 8 * w <= j1; j += 8 * w)
        {
            TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero;
            TVec s4 = TOps.Zero, s5 = TOps.Zero, s6 = TOps.Zero, s7 = TOps.Zero;
            float* bp = b.Data + j, xq = x;
            for (int p = 0; p < k; p++, bp += b.RowStride, xq += xStride)
            {
                var xp = TOps.Broadcast(*xq);
                s0 = TOps.MultiplyAdd(xp, TOps.Load(bp), s0);
                s1 = TOps.MultiplyAdd(xp, TOps.Load(bp + w), s1);
                s2 = TOps.MultiplyAdd(xp, TOps.Load(bp + 2 * w), s2);
                s3 = TOps.MultiplyAdd(xp, TOps.Load(bp + 3 * w), s3);
                s4 = TOps.MultiplyAdd(xp, TOps.Load(bp + 4 * w), s4);
                s5 = TOps.MultiplyAdd(xp, TOps.Load(bp + 5 * w), s5);
                s6 = TOps.MultiplyAdd(xp, TOps.Load(bp + 6 * w), s6);
                s7 = TOps.MultiplyAdd(xp, TOps.Load(bp + 7 * w), s7);
            }

            Finish(s0, alpha, beta, c + j);
            Finish(s1, alpha, beta, c + j + w);
            Finish(s2, alpha, beta, c + j + 2 * w);
            Finish(s3, alpha, beta, c + j + 3 * w);
            Finish(s4, alpha, beta, c + j + 4 * w);
            Finish(s5, alpha, beta, c + j + 5 * w);
            Finish(s6, alpha, beta, c + j + 6 * w);
            Finish(s7, alpha, beta, c + j + 7 * w);
        }

        // Narrow remainder (and narrow products such as N = 10): one vector of columns at a time, k split over eight
        // accumulators so the FMA latency chain is not the bound. Ragged columns load and store under a mask.
        nint rs = b.RowStride, rs2 = 2 * rs, rs3 = 3 * rs, xs2 = 2 * xStride, xs3 = 3 * xStride;
        for (; j < j1; j += w)
        {
            var mask = TOps.FirstLanes(Math.Min(w, j1 - j));
            TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero;
            TVec s4 = TOps.Zero, s5 = TOps.Zero, s6 = TOps.Zero, s7 = TOps.Zero;
            float* bp = b.Data + j, xp = x;
            int p = 0;
            for (; p + 8 <= k; p += 8, bp += 4 * rs2, xp += 4 * xs2)
            {
                float* bq = bp + 2 * rs2;
                float* xq = xp + 2 * xs2;
                s0 = TOps.MultiplyAdd(TOps.Broadcast(*xp), TOps.LoadMasked(bp, mask), s0);
                s1 = TOps.MultiplyAdd(TOps.Broadcast(xp[xStride]), TOps.LoadMasked(bp + rs, mask), s1);
                s2 = TOps.MultiplyAdd(TOps.Broadcast(xp[xs2]), TOps.LoadMasked(bp + rs2, mask), s2);
                s3 = TOps.MultiplyAdd(TOps.Broadcast(xp[xs3]), TOps.LoadMasked(bp + rs3, mask), s3);
                s4 = TOps.MultiplyAdd(TOps.Broadcast(*xq), TOps.LoadMasked(bq, mask), s4);
                s5 = TOps.MultiplyAdd(TOps.Broadcast(xq[xStride]), TOps.LoadMasked(bq + rs, mask), s5);
                s6 = TOps.MultiplyAdd(TOps.Broadcast(xq[xs2]), TOps.LoadMasked(bq + rs2, mask), s6);
                s7 = TOps.MultiplyAdd(TOps.Broadcast(xq[xs3]), TOps.LoadMasked(bq + rs3, mask), s7);
            }

            for (; p < k; p++, bp += rs, xp += xStride)
            {
                s0 = TOps.MultiplyAdd(TOps.Broadcast(*xp), TOps.LoadMasked(bp, mask), s0);
            }

            var sum = TOps.Add(TOps.Add(TOps.Add(s0, s1), TOps.Add(s2, s3)), TOps.Add(TOps.Add(s4, s5), TOps.Add(s6, s7)));
            var r = TOps.Multiply(TOps.Broadcast(alpha), sum);
            if (beta != 0) r = TOps.MultiplyAdd(TOps.Broadcast(beta), TOps.LoadMasked(c + j, mask), r);
            TOps.StoreMasked(r, c + j, mask);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SixteenVectorBlock(int k, float alpha, float* x, nint xStride, float* bp, nint rs, float beta, float* c)
    {
        int w = TOps.Count;
        TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero, s4 = TOps.Zero, s5 = TOps.Zero;
        TVec s6 = TOps.Zero, s7 = TOps.Zero, s8 = TOps.Zero, s9 = TOps.Zero, s10 = TOps.Zero, s11 = TOps.Zero;
        TVec s12 = TOps.Zero, s13 = TOps.Zero, s14 = TOps.Zero, s15 = TOps.Zero;
        float* xq = x;
        for (int p = 0; p < k; p++, bp += rs, xq += xStride)
        {
            var xp = TOps.Broadcast(*xq);
            s0 = TOps.MultiplyAdd(xp, TOps.Load(bp), s0);
            s1 = TOps.MultiplyAdd(xp, TOps.Load(bp + w), s1);
            s2 = TOps.MultiplyAdd(xp, TOps.Load(bp + 2 * w), s2);
            s3 = TOps.MultiplyAdd(xp, TOps.Load(bp + 3 * w), s3);
            s4 = TOps.MultiplyAdd(xp, TOps.Load(bp + 4 * w), s4);
            s5 = TOps.MultiplyAdd(xp, TOps.Load(bp + 5 * w), s5);
            s6 = TOps.MultiplyAdd(xp, TOps.Load(bp + 6 * w), s6);
            s7 = TOps.MultiplyAdd(xp, TOps.Load(bp + 7 * w), s7);
            s8 = TOps.MultiplyAdd(xp, TOps.Load(bp + 8 * w), s8);
            s9 = TOps.MultiplyAdd(xp, TOps.Load(bp + 9 * w), s9);
            s10 = TOps.MultiplyAdd(xp, TOps.Load(bp + 10 * w), s10);
            s11 = TOps.MultiplyAdd(xp, TOps.Load(bp + 11 * w), s11);
            s12 = TOps.MultiplyAdd(xp, TOps.Load(bp + 12 * w), s12);
            s13 = TOps.MultiplyAdd(xp, TOps.Load(bp + 13 * w), s13);
            s14 = TOps.MultiplyAdd(xp, TOps.Load(bp + 14 * w), s14);
            s15 = TOps.MultiplyAdd(xp, TOps.Load(bp + 15 * w), s15);
        }

        Finish(s0, alpha, beta, c); Finish(s1, alpha, beta, c + w); Finish(s2, alpha, beta, c + 2 * w);
        Finish(s3, alpha, beta, c + 3 * w); Finish(s4, alpha, beta, c + 4 * w); Finish(s5, alpha, beta, c + 5 * w);
        Finish(s6, alpha, beta, c + 6 * w); Finish(s7, alpha, beta, c + 7 * w); Finish(s8, alpha, beta, c + 8 * w);
        Finish(s9, alpha, beta, c + 9 * w); Finish(s10, alpha, beta, c + 10 * w); Finish(s11, alpha, beta, c + 11 * w);
        Finish(s12, alpha, beta, c + 12 * w); Finish(s13, alpha, beta, c + 13 * w); Finish(s14, alpha, beta, c + 14 * w);
        Finish(s15, alpha, beta, c + 15 * w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowDotColumns(int j0, int j1, int k, float alpha, float* x, StridedMatrix b, float beta, float* c)
    {
        // op(B)[p, j] = b[p + j·ColStride]: column j of op(B) is contiguous in p.
        if (typeof(TVec) == typeof(Vector512<float>) && Avx512F.IsSupported)
        {
            DotColumnsAvx512.Run(j0, j1, k, alpha, x, b.Data, b.ColStride, beta, c);
            return;
        }

        int w = TOps.Count;
        int kFull = k - k % w, kTail = k - kFull;
        var tailMask = TOps.FirstLanes(kTail);
        int j = j0;
        for (; j + 4 <= j1; j += 4)
        {
            float* b0 = b.Data + j * b.ColStride, b1 = b0 + b.ColStride, b2 = b1 + b.ColStride, b3 = b2 + b.ColStride;
            TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero;
            int p = 0;
            for (; p < kFull; p += w)
            {
                var xp = TOps.Load(x + p);
                s0 = TOps.MultiplyAdd(xp, TOps.Load(b0 + p), s0);
                s1 = TOps.MultiplyAdd(xp, TOps.Load(b1 + p), s1);
                s2 = TOps.MultiplyAdd(xp, TOps.Load(b2 + p), s2);
                s3 = TOps.MultiplyAdd(xp, TOps.Load(b3 + p), s3);
            }

            if (kTail != 0)
            {
                var xp = TOps.LoadMasked(x + p, tailMask);
                s0 = TOps.MultiplyAdd(xp, TOps.LoadMasked(b0 + p, tailMask), s0);
                s1 = TOps.MultiplyAdd(xp, TOps.LoadMasked(b1 + p, tailMask), s1);
                s2 = TOps.MultiplyAdd(xp, TOps.LoadMasked(b2 + p, tailMask), s2);
                s3 = TOps.MultiplyAdd(xp, TOps.LoadMasked(b3 + p, tailMask), s3);
            }

            FinishScalar(TOps.Sum(s0), alpha, beta, c + j);
            FinishScalar(TOps.Sum(s1), alpha, beta, c + j + 1);
            FinishScalar(TOps.Sum(s2), alpha, beta, c + j + 2);
            FinishScalar(TOps.Sum(s3), alpha, beta, c + j + 3);
        }

        for (; j < j1; j++)
        {
            float* b0 = b.Data + j * b.ColStride;
            TVec s0 = TOps.Zero;
            int p = 0;
            for (; p < kFull; p += w) s0 = TOps.MultiplyAdd(TOps.Load(x + p), TOps.Load(b0 + p), s0);
            if (kTail != 0) s0 = TOps.MultiplyAdd(TOps.LoadMasked(x + p, tailMask), TOps.LoadMasked(b0 + p, tailMask), s0);
            FinishScalar(TOps.Sum(s0), alpha, beta, c + j);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(TVec sum, float alpha, float beta, float* c)
    {
        var r = TOps.Multiply(TOps.Broadcast(alpha), sum);
        if (beta != 0) r = TOps.MultiplyAdd(TOps.Broadcast(beta), TOps.Load(c), r);
        TOps.Store(r, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishScalar(float sum, float alpha, float beta, float* c) =>
        *c = beta == 0 ? alpha * sum : MathF.FusedMultiplyAdd(beta, *c, alpha * sum);
}
