using System.Runtime.CompilerServices;

namespace SimdMlp.Kernels;

/// <summary>
/// k = 1: C = alpha·a·bᵀ + beta·C, an outer product (the weight gradient of a batch-1 step, dW = xᵀ·dz). Bound by
/// writing C, so the loop is built around the stores: op(B)'s row sits in registers (16 vectors with 32 registers,
/// 8 with 16) while rows of C stream past, one scaled copy of it per row.
/// </summary>
/// <remarks>
/// The packed path spent most of its time on per-tile overhead here (0.8–0.95× OpenBLAS for dW1 and dW2 at batch 1).
/// With op(B) in registers the only loads are one op(A) element per row, so stores to C have nothing to be
/// mistaken for (4 KB aliasing: C's rows are a multiple of 1 KB apart, and op(B)'s row would otherwise be re-read
/// from addresses that match them modulo 4 KB). Every element is alpha·a[i] times b[j] (then plus beta·C), whatever
/// rows a thread gets, so thread count cannot change a bit.
/// </remarks>
internal static unsafe class GemmOuter<TVec, TOps> where TVec : struct where TOps : struct, IVectorOps<TVec>
{
    /// <summary>Most vectors of op(B) kept in registers per column block: half the register file (32 or 16).</summary>
    private static int MaxBlockVectors => TOps.Count == 16 ? 16 : 8;

    /// <summary>C[i0..i1, :] = alpha·op(A)[i0..i1, 0]·op(B)[0, :] + beta·C[i0..i1, :] (k = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int i0, int i1, int n, float alpha, StridedMatrix a, StridedMatrix b, float beta,
        StridedMatrix c)
    {
        float* bRow = b.Data;
        bool moveA = LoadsMayWaitForStores(a.At(i0, 0), c.At(i0, 0));
        if (b.ColStride != 1 || moveA)
        {
            // Workspace: op(B)'s row (n), then op(A)'s column (i1 − i0) placed 2 KB after C's first row modulo 4 KB.
            float* ws = GemmWorkspace.Rent(n + (nint)(i1 - i0) + 1024 + 16);
            if (b.ColStride != 1)
            {
                // op(B)'s row is a column of B as stored (B transposed): gather it once, so the loops load it whole.
                bRow = ws;
                for (int j = 0; j < n; j++) bRow[j] = b.Data[j * b.ColStride];
            }

            if (moveA)
            {
                float* col = ws + n;
                nint shift = ((nint)c.At(i0, 0) + 2048 - (nint)col) & 4095;
                col = (float*)((nint)col + (shift & ~(nint)3));
                float* src = a.At(i0, 0);
                for (int i = 0; i < i1 - i0; i++, src += a.RowStride) col[i] = *src;
                a = new StridedMatrix(col - i0, 1, 1);
            }
        }

        int w = TOps.Count;
        int j0 = 0;
        if (MaxBlockVectors == 16)
        {
            for (; j0 + 16 * w <= n; j0 += 16 * w) Block16(i0, i1, alpha, a, bRow + j0, beta, c, j0);
        }

        for (; j0 + 8 * w <= n; j0 += 8 * w) Block8(i0, i1, alpha, a, bRow + j0, beta, c, j0);

        if (j0 < n) Ragged(i0, i1, n - j0, alpha, a, bRow + j0, beta, c, j0);
    }

    /// <summary>
    /// Whether op(A)'s column starts within 512 bytes after (or 128 before) C's first row, modulo 4 KB. There the
    /// load of each row's op(A) value matches the addresses of the previous rows' stores in their low 12 bits, and
    /// the core makes it wait for those stores: measured for dW2 at batch 1 ([256,1]·[1,128], C 64-byte aligned),
    /// 42 µs a call in that window against 1.4 µs everywhere else (Stopwatch sweep of op(A)'s offset, 2026-11-24).
    /// Where an array lands is up to the allocator, so such a column is copied out of the window first.
    /// </summary>
    private static bool LoadsMayWaitForStores(float* aColumn, float* cRow)
    {
        nint d = ((nint)aColumn - (nint)cRow) & 4095;
        return d < 512 || d >= 4096 - 128;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block16(int i0, int i1, float alpha, StridedMatrix a, float* bp, float beta, StridedMatrix c,
        int j0)
    {
        int w = TOps.Count;
        TVec b0 = TOps.Load(bp), b1 = TOps.Load(bp + w), b2 = TOps.Load(bp + 2 * w), b3 = TOps.Load(bp + 3 * w);
        TVec b4 = TOps.Load(bp + 4 * w), b5 = TOps.Load(bp + 5 * w), b6 = TOps.Load(bp + 6 * w), b7 = TOps.Load(bp + 7 * w);
        TVec b8 = TOps.Load(bp + 8 * w), b9 = TOps.Load(bp + 9 * w), b10 = TOps.Load(bp + 10 * w), b11 = TOps.Load(bp + 11 * w);
        TVec b12 = TOps.Load(bp + 12 * w), b13 = TOps.Load(bp + 13 * w), b14 = TOps.Load(bp + 14 * w), b15 = TOps.Load(bp + 15 * w);
        float* ap = a.At(i0, 0);
        float* cp = c.At(i0, j0);
        for (int i = i0; i < i1; i++, ap += a.RowStride, cp += c.RowStride)
        {
            var s = TOps.Broadcast(alpha * *ap);
            Put(TOps.Multiply(s, b0), beta, cp); Put(TOps.Multiply(s, b1), beta, cp + w);
            Put(TOps.Multiply(s, b2), beta, cp + 2 * w); Put(TOps.Multiply(s, b3), beta, cp + 3 * w);
            Put(TOps.Multiply(s, b4), beta, cp + 4 * w); Put(TOps.Multiply(s, b5), beta, cp + 5 * w);
            Put(TOps.Multiply(s, b6), beta, cp + 6 * w); Put(TOps.Multiply(s, b7), beta, cp + 7 * w);
            Put(TOps.Multiply(s, b8), beta, cp + 8 * w); Put(TOps.Multiply(s, b9), beta, cp + 9 * w);
            Put(TOps.Multiply(s, b10), beta, cp + 10 * w); Put(TOps.Multiply(s, b11), beta, cp + 11 * w);
            Put(TOps.Multiply(s, b12), beta, cp + 12 * w); Put(TOps.Multiply(s, b13), beta, cp + 13 * w);
            Put(TOps.Multiply(s, b14), beta, cp + 14 * w); Put(TOps.Multiply(s, b15), beta, cp + 15 * w);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8(int i0, int i1, float alpha, StridedMatrix a, float* bp, float beta, StridedMatrix c,
        int j0)
    {
        int w = TOps.Count;
        TVec b0 = TOps.Load(bp), b1 = TOps.Load(bp + w), b2 = TOps.Load(bp + 2 * w), b3 = TOps.Load(bp + 3 * w);
        TVec b4 = TOps.Load(bp + 4 * w), b5 = TOps.Load(bp + 5 * w), b6 = TOps.Load(bp + 6 * w), b7 = TOps.Load(bp + 7 * w);
        float* ap = a.At(i0, 0);
        float* cp = c.At(i0, j0);
        for (int i = i0; i < i1; i++, ap += a.RowStride, cp += c.RowStride)
        {
            var s = TOps.Broadcast(alpha * *ap);
            Put(TOps.Multiply(s, b0), beta, cp); Put(TOps.Multiply(s, b1), beta, cp + w);
            Put(TOps.Multiply(s, b2), beta, cp + 2 * w); Put(TOps.Multiply(s, b3), beta, cp + 3 * w);
            Put(TOps.Multiply(s, b4), beta, cp + 4 * w); Put(TOps.Multiply(s, b5), beta, cp + 5 * w);
            Put(TOps.Multiply(s, b6), beta, cp + 6 * w); Put(TOps.Multiply(s, b7), beta, cp + 7 * w);
        }
    }

    /// <summary>The last &lt; 8 vectors of columns: whole vectors, then one masked vector.</summary>
    private static void Ragged(int i0, int i1, int cols, float alpha, StridedMatrix a, float* bp, float beta,
        StridedMatrix c, int j0)
    {
        int w = TOps.Count, whole = cols / w * w;
        var mask = TOps.FirstLanes(cols - whole);
        var bTail = TOps.LoadMasked(bp + whole, mask);
        float* ap = a.At(i0, 0);
        float* cp = c.At(i0, j0);
        for (int i = i0; i < i1; i++, ap += a.RowStride, cp += c.RowStride)
        {
            var s = TOps.Broadcast(alpha * *ap);
            for (int j = 0; j < whole; j += w) Put(TOps.Multiply(s, TOps.Load(bp + j)), beta, cp + j);
            if (whole < cols)
            {
                var r = TOps.Multiply(s, bTail);
                if (beta != 0) r = TOps.MultiplyAdd(TOps.Broadcast(beta), TOps.LoadMasked(cp + whole, mask), r);
                TOps.StoreMasked(r, cp + whole, mask);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(TVec r, float beta, float* c)
    {
        if (beta != 0) r = TOps.MultiplyAdd(TOps.Broadcast(beta), TOps.Load(c), r);
        TOps.Store(r, c);
    }
}
