using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static SimdMlp.Kernels.LaneTreeAvx512;

namespace SimdMlp.Kernels;

/// <summary>
/// One row of C = x·op(B) with op(B)'s columns contiguous in k (dX = dZ·Wᵀ at batch 1), sixteen columns per pass,
/// lanes along k, on AVX-512.
/// </summary>
/// <remarks>
/// Each column is one FMA chain over k in order (a masked last vector), like the generic path; its sixteen lanes are
/// then summed by one shuffle/add tree shared by the sixteen columns of the pass, which leaves column j's sum in lane j
/// (the tree of <see cref="NarrowDotKernelAvx512{TWidth}"/>, widened to 16). The generic path ends each column with
/// its own four-step horizontal sum: at [1,256]·[256,784] that was a fifth of the time, and the product streamed
/// its 803 KB of weights at ~81 GB/s against ~101 GB/s for the batch-1 forward product. The tree treats every input
/// vector alike, so a column's bits do not depend on its neighbours or on where a thread's column range starts.
/// </remarks>
internal static unsafe class DotColumnsAvx512
{
    /// <summary>c[j] = alpha·Σ_p x[p]·b[p + j·columnStride] (+ beta·c[j]) for j0 ≤ j &lt; j1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int j0, int j1, int k, float alpha, float* x, float* b, nint columnStride, float beta, float* c)
    {
        int full = k & ~15;
        var tailMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(k - full)).AsSingle();
        int j = j0;
        for (; j + 16 <= j1; j += 16)
        {
            float* b0 = b + j * columnStride;
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default;
            Vector512<float> s6 = default, s7 = default, s8 = default, s9 = default, s10 = default, s11 = default;
            Vector512<float> s12 = default, s13 = default, s14 = default, s15 = default;
            for (int p = 0; p <= full; p += 16)
            {
                Vector512<float> u;
                nint q = p;
                if (p < full)
                {
                    u = Vector512.Load(x + p);
                    s0 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s0); q += columnStride;
                    s1 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s1); q += columnStride;
                    s2 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s2); q += columnStride;
                    s3 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s3); q += columnStride;
                    s4 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s4); q += columnStride;
                    s5 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s5); q += columnStride;
                    s6 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s6); q += columnStride;
                    s7 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s7); q += columnStride;
                    s8 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s8); q += columnStride;
                    s9 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s9); q += columnStride;
                    s10 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s10); q += columnStride;
                    s11 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s11); q += columnStride;
                    s12 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s12); q += columnStride;
                    s13 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s13); q += columnStride;
                    s14 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s14); q += columnStride;
                    s15 = Vector512.FusedMultiplyAdd(u, Vector512.Load(b0 + q), s15);
                }
                else
                {
                    if (p == k) break;
                    u = Avx512F.MaskLoad(x + p, tailMask, Vector512<float>.Zero);
                    s0 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s0); q += columnStride;
                    s1 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s1); q += columnStride;
                    s2 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s2); q += columnStride;
                    s3 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s3); q += columnStride;
                    s4 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s4); q += columnStride;
                    s5 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s5); q += columnStride;
                    s6 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s6); q += columnStride;
                    s7 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s7); q += columnStride;
                    s8 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s8); q += columnStride;
                    s9 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s9); q += columnStride;
                    s10 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s10); q += columnStride;
                    s11 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s11); q += columnStride;
                    s12 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s12); q += columnStride;
                    s13 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s13); q += columnStride;
                    s14 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s14); q += columnStride;
                    s15 = Vector512.FusedMultiplyAdd(u, Tail(b0 + q, tailMask), s15);
                }
            }

            var sums = SumEach(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15);
            Store(sums, alpha, beta, c + j, Vector512<float>.AllBitsSet);
        }

        if (j < j1) PartialBlock(j, j1 - j, k, alpha, x, b, columnStride, beta, c, tailMask);
    }

    /// <summary>The last 1..15 columns: the same chains, missing columns zero, the same tree, a masked store.</summary>
    private static void PartialBlock(int j, int count, int k, float alpha, float* x, float* b, nint columnStride,
        float beta, float* c, Vector512<float> tailMask)
    {
        var s = stackalloc Vector512<float>[16];
        int full = k & ~15;
        for (int t = 0; t < count; t++)
        {
            float* column = b + (j + t) * columnStride;
            Vector512<float> sum = default;
            int p = 0;
            for (; p < full; p += 16) sum = Vector512.FusedMultiplyAdd(Vector512.Load(x + p), Vector512.Load(column + p), sum);
            if (p < k) sum = Vector512.FusedMultiplyAdd(Avx512F.MaskLoad(x + p, tailMask, Vector512<float>.Zero), Tail(column + p, tailMask), sum);
            s[t] = sum;
        }

        for (int t = count; t < 16; t++) s[t] = default;
        var sums = SumEach(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13], s[14], s[15]);
        Store(sums, alpha, beta, c + j, Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Tail(float* p, Vector512<float> mask) => Avx512F.MaskLoad(p, mask, Vector512<float>.Zero);

    /// <summary>The scalar path's rounding per lane: alpha·sum, then fma(beta, c, alpha·sum) when beta ≠ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> sums, float alpha, float beta, float* c, Vector512<float> mask)
    {
        var r = Vector512.Create(alpha) * sums;
        if (beta != 0) r = Vector512.FusedMultiplyAdd(Vector512.Create(beta), Avx512F.MaskLoad(c, mask, Vector512<float>.Zero), r);
        Avx512F.MaskStore(c, mask, r);
    }

    /// <summary>Lane j = the sum of the 16 lanes of v_j, by a fixed tree that treats every v_j alike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SumEach(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2,
        Vector512<float> v3, Vector512<float> v4, Vector512<float> v5, Vector512<float> v6, Vector512<float> v7,
        Vector512<float> v8, Vector512<float> v9, Vector512<float> v10, Vector512<float> v11, Vector512<float> v12,
        Vector512<float> v13, Vector512<float> v14, Vector512<float> v15)
    {
        // Per 128-bit block: pairs of 32-bit lanes, then of 64-bit lanes, then the four blocks in two steps.
        var q0 = Pair64(Pair32(v0, v1), Pair32(v2, v3));
        var q1 = Pair64(Pair32(v4, v5), Pair32(v6, v7));
        var q2 = Pair64(Pair32(v8, v9), Pair32(v10, v11));
        var q3 = Pair64(Pair32(v12, v13), Pair32(v14, v15));
        return Pair128(Pair128(q0, q1), Pair128(q2, q3));
    }
}
