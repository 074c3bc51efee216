using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static SimdMlp.Kernels.LaneTreeAvx512;

namespace SimdMlp.Kernels;

/// <summary>
/// AVX-512 register blocks of the narrow-n dot-product path: rows of op(A) (contiguous in k), two at a time, against
/// <typeparamref name="TWidth"/> ≤ 12 columns of op(B), lanes along k.
/// </summary>
/// <remarks>
/// Lanes along k fill all 16 lanes whatever n is (the N = 10 output layer fills 10 of 16 with lanes along n), and
/// need no transpose of op(A)'s rows. The price is a horizontal sum per element; rather than one 4-step reduction
/// per accumulator, the accumulators of a row are folded together by one shuffle/add tree (pairs of 32-bit lanes,
/// then 64-bit, then 128-bit blocks twice), which leaves the sum of accumulator j in lane j. Each element's value
/// depends only on its own accumulator and that fixed tree, so which rows share a call cannot change a bit.
/// </remarks>
internal static unsafe class NarrowDotKernelAvx512<TWidth> where TWidth : struct, INarrowWidth
{
    /// <summary>
    /// C[i, col0 + j] = epilogue(alpha·Σ_p op(A)[i, p]·op(B)[p, j] + beta·C[i, col0 + j]) for i0 ≤ i &lt; i1, j &lt; N,
    /// op(A)'s rows contiguous in k. <paramref name="bt"/> holds op(B)'s N columns in chunks of 16 k-steps: chunk c
    /// at <c>bt + c·chunkStride</c>, column j's 16 values at offset 16·j, zero past k.
    /// </summary>
    /// <remarks>
    /// Two rows per pass share each load of op(B). Their 24 accumulators are written out here, in the loop, rather
    /// than in a helper the loop calls: the JIT does not inline a method with that many locals (AggressiveInlining
    /// or not), so a helper was a real call per pair, compiled by tiering (not fully optimized from the first call
    /// like this method), which left fwd3 [64,128]·[128,10] at 1.8-2.5 µs depending on the process.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows<TEpilogue>(int i0, int i1, int k, float alpha, StridedMatrix a, float* bt, nint chunkStride,
        float beta, StridedMatrix c, int col0, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        var cMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(TWidth.N)).AsSingle();
        var va = Vector512.Create(alpha);
        nint full = k & ~15;
        int i = i0;
        for (; i + 2 <= i1; i += 2)
        {
            float* a0 = a.At(i, 0), a1 = a0 + a.RowStride, b = bt;
            Vector512<float> x0 = default, x1 = default, x2 = default, x3 = default, x4 = default, x5 = default;
            Vector512<float> x6 = default, x7 = default, x8 = default, x9 = default, x10 = default, x11 = default;
            Vector512<float> y0 = default, y1 = default, y2 = default, y3 = default, y4 = default, y5 = default;
            Vector512<float> y6 = default, y7 = default, y8 = default, y9 = default, y10 = default, y11 = default;
            for (nint p = 0; p <= full; p += 16, b += chunkStride)
            {
                Vector512<float> u, v, w;
                if (p < full)
                {
                    u = Vector512.Load(a0 + p);
                    v = Vector512.Load(a1 + p);
                }
                else
                {
                    // The ragged last chunk: op(B) is zero past k, op(A) must not be read past it.
                    if (p == k) break;
                    var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create((int)(k - p))).AsSingle();
                    u = Avx512F.MaskLoad(a0 + p, mask, Vector512<float>.Zero);
                    v = Avx512F.MaskLoad(a1 + p, mask, Vector512<float>.Zero);
                }

                { w = Vector512.Load(b); x0 = Vector512.FusedMultiplyAdd(u, w, x0); y0 = Vector512.FusedMultiplyAdd(v, w, y0); }
                if (TWidth.N > 1) { w = Vector512.Load(b + 16); x1 = Vector512.FusedMultiplyAdd(u, w, x1); y1 = Vector512.FusedMultiplyAdd(v, w, y1); }
                if (TWidth.N > 2) { w = Vector512.Load(b + 32); x2 = Vector512.FusedMultiplyAdd(u, w, x2); y2 = Vector512.FusedMultiplyAdd(v, w, y2); }
                if (TWidth.N > 3) { w = Vector512.Load(b + 48); x3 = Vector512.FusedMultiplyAdd(u, w, x3); y3 = Vector512.FusedMultiplyAdd(v, w, y3); }
                if (TWidth.N > 4) { w = Vector512.Load(b + 64); x4 = Vector512.FusedMultiplyAdd(u, w, x4); y4 = Vector512.FusedMultiplyAdd(v, w, y4); }
                if (TWidth.N > 5) { w = Vector512.Load(b + 80); x5 = Vector512.FusedMultiplyAdd(u, w, x5); y5 = Vector512.FusedMultiplyAdd(v, w, y5); }
                if (TWidth.N > 6) { w = Vector512.Load(b + 96); x6 = Vector512.FusedMultiplyAdd(u, w, x6); y6 = Vector512.FusedMultiplyAdd(v, w, y6); }
                if (TWidth.N > 7) { w = Vector512.Load(b + 112); x7 = Vector512.FusedMultiplyAdd(u, w, x7); y7 = Vector512.FusedMultiplyAdd(v, w, y7); }
                if (TWidth.N > 8) { w = Vector512.Load(b + 128); x8 = Vector512.FusedMultiplyAdd(u, w, x8); y8 = Vector512.FusedMultiplyAdd(v, w, y8); }
                if (TWidth.N > 9) { w = Vector512.Load(b + 144); x9 = Vector512.FusedMultiplyAdd(u, w, x9); y9 = Vector512.FusedMultiplyAdd(v, w, y9); }
                if (TWidth.N > 10) { w = Vector512.Load(b + 160); x10 = Vector512.FusedMultiplyAdd(u, w, x10); y10 = Vector512.FusedMultiplyAdd(v, w, y10); }
                if (TWidth.N > 11) { w = Vector512.Load(b + 176); x11 = Vector512.FusedMultiplyAdd(u, w, x11); y11 = Vector512.FusedMultiplyAdd(v, w, y11); }
            }

            float* c0 = c.At(i, col0);
            Store(va * SumEach(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11), beta, c0, cMask, epilogue, i, col0);
            Store(va * SumEach(y0, y1, y2, y3, y4, y5, y6, y7, y8, y9, y10, y11), beta, c0 + c.RowStride, cMask, epilogue, i + 1, col0);
        }

        if (i < i1) Store(va * OneRow(k, a.At(i, 0), bt, chunkStride), beta, c.At(i, col0), cMask, epilogue, i, col0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TEpilogue>(Vector512<float> r, float beta, float* c, Vector512<float> mask,
        in TEpilogue epilogue, int row, int col0) where TEpilogue : struct, IGemmEpilogue
    {
        if (beta != 0) r = Vector512.FusedMultiplyAdd(Vector512.Create(beta), Avx512F.MaskLoad(c, mask, Vector512<float>.Zero), r);
        if (TEpilogue.IsActive) r = epilogue.ApplyRow(r, row, col0, mask);
        Avx512F.MaskStore(c, mask, r);
    }

    /// <summary>
    /// Lane j (j &lt; N) = Σ_p a0[p]·op(B)[p, j], other lanes 0: one row with the same chains and tree as a pair in
    /// <see cref="Rows{TEpilogue}"/>, so the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> OneRow(int k, float* a0, float* bt, nint chunkStride)
    {
        Vector512<float> x0 = default, x1 = default, x2 = default, x3 = default, x4 = default, x5 = default;
        Vector512<float> x6 = default, x7 = default, x8 = default, x9 = default, x10 = default, x11 = default;
        nint full = k & ~15;
        for (nint p = 0; p <= full; p += 16, bt += chunkStride)
        {
            Vector512<float> u;
            if (p < full)
            {
                u = Vector512.Load(a0 + p);
            }
            else
            {
                if (p == k) break;
                var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create((int)(k - p))).AsSingle();
                u = Avx512F.MaskLoad(a0 + p, mask, Vector512<float>.Zero);
            }

            x0 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt), x0);
            if (TWidth.N > 1) x1 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 16), x1);
            if (TWidth.N > 2) x2 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 32), x2);
            if (TWidth.N > 3) x3 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 48), x3);
            if (TWidth.N > 4) x4 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 64), x4);
            if (TWidth.N > 5) x5 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 80), x5);
            if (TWidth.N > 6) x6 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 96), x6);
            if (TWidth.N > 7) x7 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 112), x7);
            if (TWidth.N > 8) x8 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 128), x8);
            if (TWidth.N > 9) x9 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 144), x9);
            if (TWidth.N > 10) x10 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 160), x10);
            if (TWidth.N > 11) x11 = Vector512.FusedMultiplyAdd(u, Vector512.Load(bt + 176), x11);
        }

        return SumEach(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11);
    }

    /// <summary>Lane j = the sum of the 16 lanes of v_j, for j &lt; N; the tree is fixed, so the bits are too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SumEach(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2,
        Vector512<float> v3, Vector512<float> v4, Vector512<float> v5, Vector512<float> v6, Vector512<float> v7,
        Vector512<float> v8, Vector512<float> v9, Vector512<float> v10, Vector512<float> v11)
    {
        var z = Vector512<float>.Zero;
        int n = TWidth.N;
        // In each 128-bit block: [v0₀+v0₂, v1₀+v1₂, v0₁+v0₃, v1₁+v1₃].
        var t0 = Pair32(v0, n > 1 ? v1 : z);
        var t1 = n > 2 ? Pair32(v2, n > 3 ? v3 : z) : z;
        var t2 = n > 4 ? Pair32(v4, n > 5 ? v5 : z) : z;
        var t3 = n > 6 ? Pair32(v6, n > 7 ? v7 : z) : z;
        var t4 = n > 8 ? Pair32(v8, n > 9 ? v9 : z) : z;
        var t5 = n > 10 ? Pair32(v10, n > 11 ? v11 : z) : z;
        // In each block b: the block sums of v_{4i..4i+3}.
        var q0 = Pair64(t0, t1);
        var q1 = n > 4 ? Pair64(t2, t3) : z;
        var q2 = n > 8 ? Pair64(t4, t5) : z;
        // Block 2i+h of r: blocks 2h and 2h+1 of q_i summed; then block i of the result: all four of q_i.
        var r0 = Pair128(q0, q1);
        var r1 = n > 8 ? Pair128(q2, z) : z;
        return Pair128(r0, r1);
    }
}
