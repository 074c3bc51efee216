using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// GEMM for narrow C (n ≤ 16, such as the N = 10 output layer and its weight gradient) on AVX-512, with vector
/// lanes along m: no packing of the big operand when op(A)'s columns are contiguous, no plan, no padding of n.
/// </summary>
/// <remarks>
/// Per 32-row block of C: op(A)'s block is read in place (A stored transposed, so op(A)[i, p] is contiguous in i:
/// the dW = Xᵀ·dY case), a ragged last block copied under masks into a zero-padded k×32 panel; each column group of ≤ 12 runs
/// <see cref="NarrowNKernelAvx512{TWidth}"/>, whose transposed result is turned into rows of C 16×16 at a time
/// and stored under a mask of n lanes. op(B) (k×n, small) is read in place when its rows are contiguous, otherwise
/// transposed once. Every element is one lane summing p in order, so the row range a thread gets cannot change a bit.
/// </remarks>
internal static unsafe class GemmNarrowN
{
    /// <summary>Widest C this path takes: one or two column groups of at most 12.</summary>
    public const int MaxColumns = 16;

    private const int GroupMax = 12;
    private const int Rows = NarrowNKernelAvx512<NarrowWidth1>.Rows;

    public static bool IsSupported => Transpose16x16.IsSupported;

    /// <summary>Rows per unit of work when threads share the product.</summary>
    public static int RowBlock => Rows;

    /// <summary>
    /// C[i0..i1, :] = alpha·op(A)[i0..i1, :]·op(B) + beta·C[i0..i1, :], for 1 ≤ n ≤ 16 and k ≥ 1: lanes along m when
    /// op(A)'s columns are contiguous, dot products (lanes along k, <see cref="GemmNarrowDot"/>) when its rows are and
    /// k is deep enough, else lanes along n (<see cref="GemmNarrowRows"/>). The choice depends on the shape only, never
    /// on the row range, so threads sharing the rows compute every element the same way. <paramref name="epilogue"/>
    /// runs on each row of C in registers, before its one store.
    /// </summary>
    public static void Run<TEpilogue>(int i0, int i1, int n, int k, float alpha, StridedMatrix a, StridedMatrix b,
        float beta, StridedMatrix c, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        if (LanesAlongM(a, k)) RunLanesAlongM(i0, i1, n, k, alpha, a, b, beta, c, epilogue);
        else if (GemmNarrowDot.Suits(a, n, k)) GemmNarrowDot.Run(i0, i1, n, k, alpha, a, b, beta, c, epilogue);
        else GemmNarrowRows.Run(i0, i1, n, k, alpha, a, b, beta, c, epilogue);
    }

    /// <summary>As <see cref="Run"/>, always with lanes along m; op(A)'s columns must be contiguous (RowStride 1).</summary>
    // Optimized from the first call, like the kernels: a loop method left to tiering can settle on different code
    // in different processes, which made this product's benchmark bimodal.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunLanesAlongM<TEpilogue>(int i0, int i1, int n, int k, float alpha, StridedMatrix a,
        StridedMatrix b, float beta, StridedMatrix c, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        System.Diagnostics.Debug.Assert(a.RowStride == 1, "lanes along m read op(A)'s columns in place");
        int k16 = (k + 15) & ~15;
        bool packB = b.ColStride != 1;
        // Workspace: A panel (k×32), op(B) transposed (k16×16) when needed, the kernel's tile (12×32, twice for
        // two groups) and one 16×16 transposed block.
        float* panel = GemmWorkspace.Rent((nint)k16 * Rows + (packB ? (nint)k16 * 16 : 0) + 2 * GroupMax * Rows + 256);
        float* bPacked = panel + (nint)k16 * Rows;
        float* tile = bPacked + (packB ? (nint)k16 * 16 : 0);
        float* block = tile + 2 * GroupMax * Rows;

        float* bData = b.Data;
        nint bStride = b.RowStride;
        if (packB)
        {
            // op(B)[p, j] = b[p + j·ColStride]: n rows of k; transpose into rows of 16 (lane j) per p.
            for (int p0 = 0; p0 < k; p0 += 16)
                Transpose16x16.Run(b.At(p0, 0), b.ColStride, n, Math.Min(16, k - p0), bPacked + (nint)p0 * 16, 16);
            bData = bPacked;
            bStride = 16;
        }

        int g0 = n <= GroupMax ? n : (n + 1) / 2, g1 = n - g0;
        var nMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(n)).AsSingle();
        for (int i = i0; i < i1; i += Rows)
        {
            int rows = Math.Min(Rows, i1 - i);
            float* aBlock;
            nint aStride;
            if (rows == Rows)
            {
                aBlock = a.At(i, 0);
                aStride = a.ColStride;
            }
            else
            {
                PackRaggedBlock(a, i, rows, k, panel);
                aBlock = panel;
                aStride = Rows;
            }

            RunGroup(g0, k, aBlock, aStride, bData, bStride, alpha, tile);
            if (g1 > 0) RunGroup(g1, k, aBlock, aStride, bData + g0, bStride, alpha, tile + g0 * Rows);

            // tile holds the block of Cᵀ (row j = column j of C, 32 lanes); rows 16 at a time into C.
            for (int h = 0; h < rows; h += 16)
            {
                int count = Math.Min(16, rows - h);
                Transpose16x16.Run(tile + h, Rows, n, count, block, 16);
                float* cRow = c.At(i + h, 0);
                for (int r = 0; r < count; r++, cRow += c.RowStride)
                {
                    var v = Vector512.Load(block + r * 16);
                    if (beta != 0) v = Vector512.FusedMultiplyAdd(Vector512.Create(beta), Avx512F.MaskLoad(cRow, nMask, Vector512<float>.Zero), v);
                    if (TEpilogue.IsActive) v = epilogue.ApplyRow(v, i + h + r, 0, nMask);
                    Avx512F.MaskStore(cRow, nMask, v);
                }
            }
        }
    }

    /// <summary>
    /// Lanes along m pay a 16×16 transpose (~20 ns on Zen 4) per 16 rows to turn the result into rows of C, and
    /// would pay one per 16×16 block of op(A) if its rows were contiguous in k (A stored m×k): that alone cost more
    /// than the 6 idle lanes of 16 that <see cref="GemmNarrowRows"/> pays for n = 10 (measured: fwd3 B=64 ran at
    /// 55 GFLOP/s transposing, 69 with lanes along n). So lanes along m only when op(A) needs no transposing and k is
    /// large enough to hide the result transpose.
    /// </summary>
    private static bool LanesAlongM(StridedMatrix a, int k) => a.RowStride == 1 && k >= MinDepthAlongM;

    private const int MinDepthAlongM = 16;

    /// <summary>panel[p·32 + r] = op(A)[i + r, p] for r &lt; rows, zero for the padding rows (op(A)'s columns contiguous).</summary>
    // Optimized from the first call, like the kernels: a loop method left to tiering can settle on different code
    // in different processes, which made this product's benchmark bimodal.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRaggedBlock(StridedMatrix a, int i, int rows, int k, float* panel)
    {
        var m0 = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(rows)).AsSingle();
        var m1 = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(rows - 16)).AsSingle();
        float* src = a.At(i, 0);
        for (int p = 0; p < k; p++, src += a.ColStride)
        {
            Avx512F.MaskLoad(src, m0, Vector512<float>.Zero).Store(panel + p * Rows);
            Avx512F.MaskLoad(src + 16, m1, Vector512<float>.Zero).Store(panel + p * Rows + 16);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunGroup(int width, int k, float* a, nint aStride, float* b, nint bStride, float alpha, float* tile)
    {
        switch (width)
        {
            case 1: NarrowNKernelAvx512<NarrowWidth1>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 2: NarrowNKernelAvx512<NarrowWidth2>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 3: NarrowNKernelAvx512<NarrowWidth3>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 4: NarrowNKernelAvx512<NarrowWidth4>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 5: NarrowNKernelAvx512<NarrowWidth5>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 6: NarrowNKernelAvx512<NarrowWidth6>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 7: NarrowNKernelAvx512<NarrowWidth7>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 8: NarrowNKernelAvx512<NarrowWidth8>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 9: NarrowNKernelAvx512<NarrowWidth9>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 10: NarrowNKernelAvx512<NarrowWidth10>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            case 11: NarrowNKernelAvx512<NarrowWidth11>.Run(k, a, aStride, b, bStride, alpha, tile); break;
            default: NarrowNKernelAvx512<NarrowWidth12>.Run(k, a, aStride, b, bStride, alpha, tile); break;
        }
    }
}
