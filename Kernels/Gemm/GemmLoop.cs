using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// The BLIS five-loop packed GEMM around one micro-kernel family: C = alpha·A·B + beta·C on strided views.
/// </summary>
/// <remarks>
/// The whole loop nest is specialized per <typeparamref name="TKernel"/> (a struct type argument), so the kernel
/// call and its MR/NR are compile-time constants: the C# counterpart of matrixmultiply's monomorphized gemm_loop.
/// </remarks>
internal static unsafe class GemmLoop<TKernel> where TKernel : struct, IMicroKernel
{
    /// <summary>Floats of workspace <see cref="Run"/> needs for an m×n×k product.</summary>
    public static nint WorkspaceFloats(in GemmBlocking blk, int m, int n, int k)
    {
        nint bPacked = Math.Min(k, blk.KC) * RoundUp(Math.Min(n, blk.NC), TKernel.NR);
        return PackedAFloats(blk, m, k) + bPacked;
    }

    /// <summary>Floats Ã takes, rounded up to 16 so that B̃ after it starts 64-byte aligned.</summary>
    private static nint PackedAFloats(in GemmBlocking blk, int m, int k) =>
        RoundUp(RoundUp(Math.Min(m, blk.MC), TKernel.MR) * Math.Min(k, blk.KC), 16);

    /// <summary>
    /// C (m×n) = alpha·A (m×k)·B (k×n) + beta·C, with k ≥ 1, then the epilogue on each finished tile.
    /// (row0, col0) place this C block in the product the epilogue sees; <paramref name="transposed"/> says the loops
    /// run on its transpose.
    /// </summary>
    /// <remarks>
    /// <c>shared</c> is default, or the packed op(B) that all parts of a split-M parallel product share (see
    /// <see cref="SharedPackedB"/>): then this call packs only the panel groups no other part has claimed, and reads
    /// the rest.
    /// </remarks>
    public static void Run<TEpilogue>(in GemmBlocking blk, int m, int n, int k, float alpha, StridedMatrix a,
        StridedMatrix b, float beta, StridedMatrix c, in TEpilogue epilogue, int row0, int col0, bool transposed,
        SharedPackedB shared = default)
        where TEpilogue : struct, IGemmEpilogue
    {
        // A part with a shared B̃ needs room for Ã only.
        float* aPacked = GemmWorkspace.Rent(shared.Data == null ? WorkspaceFloats(blk, m, n, k) : PackedAFloats(blk, m, k));
        float* bPacked = aPacked + PackedAFloats(blk, m, k);

        // Even slices: k = 784 runs as 4×196 rather than 3×256 + 16, whose short last slice would pay a full C
        // update for a few k steps. The cut depends on k only, never on threads, so results stay bit-identical.
        int kcStep = GemmBlocking.BalancedStep(k, blk.KC, 1);
        int mcStep = GemmBlocking.BalancedStep(m, blk.MC, TKernel.MR);

        float* sharedBlock = shared.Data;
        int* sharedStates = shared.States;

        // LOOP 5: split n into NC-wide column blocks of B and C.
        for (int jc = 0; jc < n; jc += blk.NC)
        {
            int nc = Math.Min(blk.NC, n - jc);

            // LOOP 4: split k into KC-deep slices; pack the KC×NC block of B into B̃.
            for (int pc = 0; pc < k; pc += kcStep)
            {
                int kc = Math.Min(kcStep, k - pc);
                var bBlock = new StridedMatrix(b.At(pc, jc), b.RowStride, b.ColStride);
                if (sharedBlock == null) Pack<TKernel>.B(bBlock, kc, nc, bPacked);

                // Later slices accumulate onto the first slice's result.
                float betaSlice = pc == 0 ? beta : 1f;

                // LOOP 3: split m into MC-high row blocks; pack the MC×KC block of A into Ã.
                for (int ic = 0; ic < m; ic += mcStep)
                {
                    int mc = Math.Min(mcStep, m - ic);
                    Pack<TKernel>.A(new StridedMatrix(a.At(ic, pc), a.RowStride, a.ColStride), mc, kc, aPacked);
                    var slice = new SliceInfo(pc == 0, pc + kc == k, row0 + ic, col0 + jc, transposed);
                    if (sharedBlock == null)
                    {
                        MacroKernel(mc, nc, kc, alpha, aPacked, bPacked, betaSlice, c.At(ic, jc), c.RowStride,
                            c.ColStride, epilogue, slice);
                    }
                    else if (ic == 0)
                    {
                        // The first row block meets each panel group first: pack it or wait for it as needed.
                        SharedFirstRowBlock(mc, nc, kc, alpha, aPacked, bBlock, sharedBlock, sharedStates, betaSlice,
                            c.At(ic, jc), c.RowStride, c.ColStride, epilogue, slice);
                    }
                    else
                    {
                        MacroKernel(mc, nc, kc, alpha, aPacked, sharedBlock, betaSlice, c.At(ic, jc), c.RowStride,
                            c.ColStride, epilogue, slice);
                    }
                }

                if (sharedBlock != null)
                {
                    sharedBlock += (nint)kc * RoundUp(nc, TKernel.NR);
                    sharedStates += SharedPackedB.Groups(nc, TKernel.NR);
                }
            }
        }
    }

    /// <summary>
    /// One row block against a shared B̃ block whose panel groups may not be packed yet: groups nobody has claimed are
    /// packed here (then published), groups already packed are used, and groups another part is packing are left for
    /// a second pass, by which time they are usually done. Only a running thread can hold a group in "packing", so the
    /// wait always ends, even when the pool's caller runs a part whose worker never started.
    /// </summary>
    [SkipLocalsInit]
    private static void SharedFirstRowBlock<TEpilogue>(int mc, int nc, int kc, float alpha, float* aPacked,
        StridedMatrix b, float* bShared, int* states, float beta, float* c, nint rsC, nint csC, in TEpilogue epilogue,
        SliceInfo slice)
        where TEpilogue : struct, IGemmEpilogue
    {
        int groupColumns = SharedPackedB.PanelsPerGroup * TKernel.NR;
        int groups = SharedPackedB.Groups(nc, TKernel.NR);
        bool* done = stackalloc bool[groups];
        for (int pass = 0; pass < 2; pass++)
        {
            for (int g = 0; g < groups; g++)
            {
                if (pass == 1 && done[g]) continue;
                int j0 = g * groupColumns, cols = Math.Min(groupColumns, nc - j0);
                float* panels = bShared + (nint)j0 * kc;
                ref int state = ref states[g];
                if (Volatile.Read(ref state) != SharedPackedB.Packed)
                {
                    if (Interlocked.CompareExchange(ref state, SharedPackedB.Packing, SharedPackedB.Unpacked) == SharedPackedB.Unpacked)
                    {
                        Pack<TKernel>.B(new StridedMatrix(b.At(0, j0), b.RowStride, b.ColStride), kc, cols, panels);
                        Volatile.Write(ref state, SharedPackedB.Packed);
                    }
                    else if (pass == 0)
                    {
                        done[g] = false;
                        continue;
                    }
                    else
                    {
                        var spinner = default(SpinWait);
                        while (Volatile.Read(ref state) != SharedPackedB.Packed) spinner.SpinOnce(sleep1Threshold: -1);
                    }
                }

                MacroKernel(mc, cols, kc, alpha, aPacked, panels, beta, c + j0 * csC, rsC, csC, epilogue,
                    slice with { Col0 = slice.Col0 + j0 });
                done[g] = true;
            }
        }
    }

    /// <summary>Where a macro-kernel call sits: first/last KC slice, and the block's place for the epilogue.</summary>
    private readonly record struct SliceInfo(bool First, bool Last, int Row0, int Col0, bool Transposed);

    [SkipLocalsInit]
    private static void MacroKernel<TEpilogue>(int mc, int nc, int kc, float alpha, float* aPacked, float* bPacked,
        float beta, float* c, nint rsC, nint csC, in TEpilogue epilogue, SliceInfo slice)
        where TEpilogue : struct, IGemmEpilogue
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        float* tile = stackalloc float[TKernel.MR * TKernel.NR];

        // LOOP 2: B̃ micro-panels (NR columns each).
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* bPanel = bPacked + (nint)jr * kc;

            // LOOP 1: Ã micro-panels (MR rows each), while the B̃ micro-panel stays in L1.
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                float* aPanel = aPacked + (nint)ir * kc;
                float* cTile = c + ir * rsC + jr * csC;
                int tileRow = slice.Row0 + ir, tileCol = slice.Col0 + jr;
                if (rows == mr && cols == nr && csC == 1)
                {
                    PrefetchTile(cTile, rsC);
                    if (TEpilogue.IsActive && slice.Last && TKernel.FusesEpilogue && !slice.Transposed)
                    {
                        // The kernel applies the epilogue in registers, before its one store of the tile.
                        TKernel.Run(kc, ref *aPanel, ref *bPanel, nr, ref *cTile, rsC, alpha, beta, epilogue, tileRow, tileCol);
                        continue;
                    }

                    TKernel.Run(kc, ref *aPanel, ref *bPanel, nr, ref *cTile, rsC, alpha, beta);
                    if (TEpilogue.IsActive && slice.Last)
                        epilogue.Apply(cTile, rsC, 1, tileRow, tileCol, rows, cols, slice.Transposed);
                }
                else
                {
                    // Edge or transposed-C tile: compute the full tile into scratch, then copy the valid part.
                    // A tile finished in one slice (the usual case) gets its epilogue in scratch, where rows are
                    // contiguous even when C is transposed.
                    TKernel.Run(kc, ref *aPanel, ref *bPanel, nr, ref *tile, nr, alpha, 0f);
                    bool epilogueInScratch = TEpilogue.IsActive && slice.First && slice.Last && beta == 0;
                    if (epilogueInScratch) epilogue.Apply(tile, nr, 1, tileRow, tileCol, rows, cols, slice.Transposed);
                    CopyOut(tile, rows, cols, beta, cTile, rsC, csC);
                    if (TEpilogue.IsActive && slice.Last && !epilogueInScratch)
                        epilogue.Apply(cTile, rsC, csC, tileRow, tileCol, rows, cols, slice.Transposed);
                }
            }
        }
    }

    /// <summary>Asks for the C tile's cache lines before the kernel's k loop, which then hides their latency.</summary>
    /// <remarks>
    /// C's rows are a row stride apart (4 KB at n = 1024), so the tile is MR·NR/16 scattered lines that the hardware
    /// prefetchers do not predict, and a kernel that loads or stores them cold stalls on each. Measured on Zen 4 with
    /// the 8×32 kernel, one thread, medians of 7 interleaved samples (2026-11-24 01:39 UTC), without → with:
    /// 1024³ at KC = 256 102.5 → 106.4 GFLOP/s, KC = 512 106.2 → 108.7, KC = 1024 (one slice) 110.9 → 111.4;
    /// 2048³ at KC = 1024 (two slices) 108.2 → 109.1.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile(float* c, nint rsC)
    {
        if (!Sse.IsSupported) return;
        for (int i = 0; i < TKernel.MR; i++)
        {
            for (int j = 0; j < TKernel.NR; j += 64 / sizeof(float)) Sse.Prefetch0(c + i * rsC + j);
        }
    }

    private static void CopyOut(float* tile, int rows, int cols, float beta, float* c, nint rsC, nint csC)
    {
        int nr = TKernel.NR;
        for (int i = 0; i < rows; i++)
        {
            float* src = tile + i * nr;
            float* dst = c + i * rsC;
            if (beta == 0)
            {
                for (int j = 0; j < cols; j++) dst[j * csC] = src[j];
            }
            else
            {
                for (int j = 0; j < cols; j++) dst[j * csC] = MathF.FusedMultiplyAdd(beta, dst[j * csC], src[j]);
            }
        }
    }

    private static nint RoundUp(nint x, nint multiple) => (x + multiple - 1) / multiple * multiple;
}
