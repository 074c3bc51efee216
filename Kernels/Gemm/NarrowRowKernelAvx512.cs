using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// One row of a batch-1..3 product with narrow, dense op(B) (n even, n ≤ 12, rows n floats apart: the N = 10 output
/// layer's [1,128]·[128,10]) on AVX-512: op(B) read as one flat run of full vectors instead of a masked vector per row.
/// </summary>
/// <remarks>
/// <para>
/// With one masked vector per row of op(B), n = 10 fills 10 of 16 lanes and every k step costs a broadcast of
/// x[p], a masked load and an FMA (and half of the 40-byte rows straddle a cache line). Eight rows of op(B) are
/// 8·n floats, n/2 whole vectors: lane l of vector r holds row (16r + l) / n, column (16r + l) mod n. So each group
/// of eight k steps loads eight values of x once, spreads them over the lanes with one permute per vector and runs
/// n/2 full FMAs: for [1,128]·[128,10], 80 FMAs instead of 128 (measured 57-60 ns for the kernel against 110-150 ns
/// for the whole masked-row call, Stopwatch, 2026-11-24).
/// </para>
/// <para>
/// The lanes for row offset r (p mod 8) of each group hold exactly the partial sum that the masked-row loop of
/// <see cref="GemmSmallM{TVec, TOps}"/> keeps in its accumulator s_r, summed in the same p order; rows past the last
/// whole group go into s_0 one by one, and the eight partials are added in the same tree. So both give the same bits,
/// and which of the two runs (it depends on the strides only) never changes a result.
/// </para>
/// </remarks>
internal static unsafe class NarrowRowAvx512
{
    /// <summary>
    /// Runs <see cref="NarrowRowKernelAvx512{TWidth}.Run"/> when it applies (n even, 2 ≤ n ≤ 12, and AVX-512) and
    /// returns true; otherwise returns false and does nothing.
    /// </summary>
    public static bool TryRun(int n, int k, float alpha, float* x, float* b, float beta, float* c)
    {
        if (!Avx512F.IsSupported) return false;
        switch (n)
        {
            case 2: NarrowRowKernelAvx512<NarrowWidth2>.Run(k, alpha, x, b, beta, c); return true;
            case 4: NarrowRowKernelAvx512<NarrowWidth4>.Run(k, alpha, x, b, beta, c); return true;
            case 6: NarrowRowKernelAvx512<NarrowWidth6>.Run(k, alpha, x, b, beta, c); return true;
            case 8: NarrowRowKernelAvx512<NarrowWidth8>.Run(k, alpha, x, b, beta, c); return true;
            case 10: NarrowRowKernelAvx512<NarrowWidth10>.Run(k, alpha, x, b, beta, c); return true;
            case 12: NarrowRowKernelAvx512<NarrowWidth12>.Run(k, alpha, x, b, beta, c); return true;
            default: return false;
        }
    }
}

/// <summary>The kernel of <see cref="NarrowRowAvx512"/> for n = <typeparamref name="TWidth"/>.</summary>
internal static unsafe class NarrowRowKernelAvx512<TWidth> where TWidth : struct, INarrowWidth
{
    // Row offset within a group of eight for each lane of the n/2 vectors: (16r + l) / n.
    private static readonly Vector512<int>[] s_rowOfLane = CreateRowOfLane();

    private static Vector512<int>[] CreateRowOfLane()
    {
        var rows = new Vector512<int>[TWidth.N / 2];
        Span<int> lanes = stackalloc int[16];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int l = 0; l < 16; l++) lanes[l] = (16 * r + l) / TWidth.N;
            rows[r] = Vector512.Create<int>(lanes);
        }

        return rows;
    }

    /// <summary>
    /// c[j] = alpha·Σ_p x[p]·b[p·n + j] + beta·c[j] for j &lt; n (beta == 0 never reads c); x holds k contiguous
    /// floats, b k·n.
    /// </summary>
    // SkipLocalsInit: the partials buffer is written whole before it is read; zeroing it cost a few ns a call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void Run(int k, float alpha, float* x, float* b, float beta, float* c)
    {
        System.Diagnostics.Debug.Assert(TWidth.N % 2 == 0 && TWidth.N <= 12, "eight rows are n/2 whole vectors");
        var rowOfLane = s_rowOfLane;
        var i0 = rowOfLane[0];
        var i1 = TWidth.N > 2 ? rowOfLane[1] : default;
        var i2 = TWidth.N > 4 ? rowOfLane[2] : default;
        var i3 = TWidth.N > 6 ? rowOfLane[3] : default;
        var i4 = TWidth.N > 8 ? rowOfLane[4] : default;
        var i5 = TWidth.N > 10 ? rowOfLane[5] : default;
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default;
        int p = 0;
        for (; p + 8 <= k; p += 8, b += 8 * TWidth.N)
        {
            var xv = Vector256.Load(x + p).ToVector512Unsafe();
            a0 = Vector512.FusedMultiplyAdd(Avx512F.PermuteVar16x32(xv, i0), Vector512.Load(b), a0);
            if (TWidth.N > 2) a1 = Vector512.FusedMultiplyAdd(Avx512F.PermuteVar16x32(xv, i1), Vector512.Load(b + 16), a1);
            if (TWidth.N > 4) a2 = Vector512.FusedMultiplyAdd(Avx512F.PermuteVar16x32(xv, i2), Vector512.Load(b + 32), a2);
            if (TWidth.N > 6) a3 = Vector512.FusedMultiplyAdd(Avx512F.PermuteVar16x32(xv, i3), Vector512.Load(b + 48), a3);
            if (TWidth.N > 8) a4 = Vector512.FusedMultiplyAdd(Avx512F.PermuteVar16x32(xv, i4), Vector512.Load(b + 64), a4);
            if (TWidth.N > 10) a5 = Vector512.FusedMultiplyAdd(Avx512F.PermuteVar16x32(xv, i5), Vector512.Load(b + 80), a5);
        }

        // The partials as eight rows of n (row r = offset r in the group), then the masked-row loop's ending.
        float* t = stackalloc float[8 * 12];
        a0.Store(t);
        if (TWidth.N > 2) a1.Store(t + 16);
        if (TWidth.N > 4) a2.Store(t + 32);
        if (TWidth.N > 6) a3.Store(t + 48);
        if (TWidth.N > 8) a4.Store(t + 64);
        if (TWidth.N > 10) a5.Store(t + 80);
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(TWidth.N)).AsSingle();
        var z = Vector512<float>.Zero;
        var s0 = Avx512F.MaskLoad(t, mask, z);
        for (; p < k; p++, b += TWidth.N) s0 = Vector512.FusedMultiplyAdd(Vector512.Create(x[p]), Avx512F.MaskLoad(b, mask, z), s0);
        var s1 = Avx512F.MaskLoad(t + TWidth.N, mask, z);
        var s2 = Avx512F.MaskLoad(t + 2 * TWidth.N, mask, z);
        var s3 = Avx512F.MaskLoad(t + 3 * TWidth.N, mask, z);
        var s4 = Avx512F.MaskLoad(t + 4 * TWidth.N, mask, z);
        var s5 = Avx512F.MaskLoad(t + 5 * TWidth.N, mask, z);
        var s6 = Avx512F.MaskLoad(t + 6 * TWidth.N, mask, z);
        var s7 = Avx512F.MaskLoad(t + 7 * TWidth.N, mask, z);
        var r = Vector512.Create(alpha) * (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        if (beta != 0) r = Vector512.FusedMultiplyAdd(Vector512.Create(beta), Avx512F.MaskLoad(c, mask, z), r);
        Avx512F.MaskStore(c, mask, r);
    }
}
