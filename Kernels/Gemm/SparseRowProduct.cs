using System.Runtime.CompilerServices;

namespace SimdMlp.Kernels;

/// <summary>
/// c[0..n) = Σ a[p]·B[p, 0..n) over a list of positions p: one row times a row-major matrix, reading only the rows of
/// B that the list names. Batch-1 inference is bound by streaming B from L2, so rows whose input is zero (background
/// pixels, ReLU outputs) are bytes not worth reading.
/// </summary>
/// <remarks>
/// Each column's sum runs over the positions in list order in one accumulator, as the dense batch-1 path
/// (<see cref="GemmSmallM{TVec, TOps}"/>) does over every p on its wide blocks; the columns past the last whole vector
/// are summed the same way, one scalar at a time.
/// </remarks>
internal static unsafe class SparseRowProduct<TVec, TOps> where TVec : struct where TOps : struct, IVectorOps<TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int* positions, int count, float* a, float* b, nint ldb, int n, float* c)
    {
        int w = TOps.Count;
        int j = 0;
        if (w == 16)
        {
            for (; j + 16 * w <= n; j += 16 * w) SixteenVectors(positions, count, a, b + j, ldb, c + j);
        }

        for (; j + 4 * w <= n; j += 4 * w) FourVectors(positions, count, a, b + j, ldb, c + j);
        for (; j + w <= n; j += w)
        {
            TVec s = TOps.Zero;
            for (int i = 0; i < count; i++)
            {
                int p = positions[i];
                s = TOps.MultiplyAdd(TOps.Broadcast(a[p]), TOps.Load(b + p * ldb + j), s);
            }

            TOps.Store(s, c + j);
        }

        for (; j < n; j++)
        {
            float s = 0;
            for (int i = 0; i < count; i++)
            {
                int p = positions[i];
                s = float.MultiplyAddEstimate(a[p], b[p * ldb + j], s);
            }

            c[j] = s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourVectors(int* positions, int count, float* a, float* b, nint ldb, float* c)
    {
        int w = TOps.Count;
        TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero;
        for (int i = 0; i < count; i++)
        {
            int p = positions[i];
            var x = TOps.Broadcast(a[p]);
            float* row = b + p * ldb;
            s0 = TOps.MultiplyAdd(x, TOps.Load(row), s0);
            s1 = TOps.MultiplyAdd(x, TOps.Load(row + w), s1);
            s2 = TOps.MultiplyAdd(x, TOps.Load(row + 2 * w), s2);
            s3 = TOps.MultiplyAdd(x, TOps.Load(row + 3 * w), s3);
        }

        TOps.Store(s0, c); TOps.Store(s1, c + w); TOps.Store(s2, c + 2 * w); TOps.Store(s3, c + 3 * w);
    }

    // Sixteen AVX-512 accumulators cover a 256-wide layer, so each kept row of B is read in one sequential pass.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SixteenVectors(int* positions, int count, float* a, float* b, nint ldb, float* c)
    {
        int w = TOps.Count;
        TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero, s4 = TOps.Zero, s5 = TOps.Zero;
        TVec s6 = TOps.Zero, s7 = TOps.Zero, s8 = TOps.Zero, s9 = TOps.Zero, s10 = TOps.Zero, s11 = TOps.Zero;
        TVec s12 = TOps.Zero, s13 = TOps.Zero, s14 = TOps.Zero, s15 = TOps.Zero;
        for (int i = 0; i < count; i++)
        {
            int p = positions[i];
            var x = TOps.Broadcast(a[p]);
            float* row = b + p * ldb;
            s0 = TOps.MultiplyAdd(x, TOps.Load(row), s0);
            s1 = TOps.MultiplyAdd(x, TOps.Load(row + w), s1);
            s2 = TOps.MultiplyAdd(x, TOps.Load(row + 2 * w), s2);
            s3 = TOps.MultiplyAdd(x, TOps.Load(row + 3 * w), s3);
            s4 = TOps.MultiplyAdd(x, TOps.Load(row + 4 * w), s4);
            s5 = TOps.MultiplyAdd(x, TOps.Load(row + 5 * w), s5);
            s6 = TOps.MultiplyAdd(x, TOps.Load(row + 6 * w), s6);
            s7 = TOps.MultiplyAdd(x, TOps.Load(row + 7 * w), s7);
            s8 = TOps.MultiplyAdd(x, TOps.Load(row + 8 * w), s8);
            s9 = TOps.MultiplyAdd(x, TOps.Load(row + 9 * w), s9);
            s10 = TOps.MultiplyAdd(x, TOps.Load(row + 10 * w), s10);
            s11 = TOps.MultiplyAdd(x, TOps.Load(row + 11 * w), s11);
            s12 = TOps.MultiplyAdd(x, TOps.Load(row + 12 * w), s12);
            s13 = TOps.MultiplyAdd(x, TOps.Load(row + 13 * w), s13);
            s14 = TOps.MultiplyAdd(x, TOps.Load(row + 14 * w), s14);
            s15 = TOps.MultiplyAdd(x, TOps.Load(row + 15 * w), s15);
        }

        TOps.Store(s0, c); TOps.Store(s1, c + w); TOps.Store(s2, c + 2 * w); TOps.Store(s3, c + 3 * w);
        TOps.Store(s4, c + 4 * w); TOps.Store(s5, c + 5 * w); TOps.Store(s6, c + 6 * w); TOps.Store(s7, c + 7 * w);
        TOps.Store(s8, c + 8 * w); TOps.Store(s9, c + 9 * w); TOps.Store(s10, c + 10 * w); TOps.Store(s11, c + 11 * w);
        TOps.Store(s12, c + 12 * w); TOps.Store(s13, c + 13 * w); TOps.Store(s14, c + 14 * w); TOps.Store(s15, c + 15 * w);
    }
}
