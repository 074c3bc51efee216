using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>Finds the nonzero inputs of a row and runs <see cref="SparseRowProduct{TVec, TOps}"/> on the active path.</summary>
internal static unsafe class SparseRow
{
    /// <summary>Rows up to which the positions live on the stack; wider inputs use a per-thread buffer.</summary>
    private const int StackPositions = 4096;

    /// <summary>Entries a positions buffer needs beyond k.</summary>
    public const int Slack = 16;

    [ThreadStatic]
    private static int[]? s_positions;

    /// <summary>
    /// Writes the positions p with a[p] != 0 (NaN counts as nonzero, so it still propagates) in increasing order;
    /// returns how many there are.
    /// </summary>
    /// <remarks><paramref name="positions"/> must have room for k + <see cref="Slack"/> entries: the AVX-512 loop stores whole vectors.</remarks>
    public static int NonzeroPositions(SimdPath path, float* a, int k, int* positions)
    {
        int count = 0, p = 0;
        if (path == SimdPath.Avx512)
        {
            // Compress in a register, then a plain store: Zen 4 runs the memory form of VPCOMPRESSD very slowly.
            var lanes = Vector512<int>.Indices;
            for (; p + 16 <= k; p += 16)
            {
                var nonzero = ~Vector512.Equals(Vector512.Load(a + p), Vector512<float>.Zero).AsInt32();
                Avx512F.Compress(Vector512<int>.Zero, nonzero, lanes + Vector512.Create(p)).Store(positions + count);
                count += BitOperations.PopCount(nonzero.ExtractMostSignificantBits());
            }
        }

        // Branch-free: the store always happens, the count only moves past a nonzero, so scattered zeros cost no
        // mispredictions.
        for (; p < k; p++)
        {
            positions[count] = p;
            count += a[p] != 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// c = epilogue(a·B) for one row a of length k, B row-major k×n with row stride ldb, skipping rows with a zero
    /// input; falls back to the dense path when nearly every input is nonzero. Arguments are already valid.
    /// </summary>
    // SkipLocalsInit: the positions buffer (up to 16 KB) is written before it is read, and zeroing it on every
    // one-sample layer step would cost a pass as long as the compaction itself.
    [SkipLocalsInit]
    public static void Run<TEpilogue>(SimdPath path, ReadOnlySpan<float> a, ReadOnlySpan<float> b, int ldb, int n,
        Span<float> c, in TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue
    {
        int k = a.Length;
        if (n == 0) return;
        int[]? heap = null;
        if (k > StackPositions) heap = s_positions is { } cached && cached.Length >= k + Slack ? cached : s_positions = new int[k + Slack];
        int* stack = stackalloc int[heap is null ? k + Slack : 1];
        fixed (float* pa = a, pb = b, pc = c)
        fixed (int* pHeap = heap)
        {
            int* positions = heap is null ? stack : pHeap;
            int count = NonzeroPositions(path, pa, k, positions);
            // A dense input gains nothing from the index list, and the dense kernel splits k over more accumulators.
            if (count > k - k / 8)
            {
                GemmDriver.Run(path, Transpose.No, Transpose.No, 1, n, k, 1f, a, Math.Max(k, 1), b, ldb, 0f, c, n, 1, epilogue);
                return;
            }

            if (path == SimdPath.Avx512)
                SparseRowProduct<Vector512<float>, Vector512Ops>.Run(positions, count, pa, pb, ldb, n, pc);
            else if (path == SimdPath.Avx2)
                SparseRowProduct<Vector256<float>, Vector256Ops>.Run(positions, count, pa, pb, ldb, n, pc);
            else if (path == SimdPath.Vector128)
                SparseRowProduct<Vector128<float>, Vector128Ops>.Run(positions, count, pa, pb, ldb, n, pc);
            else
                SparseRowProduct<float, ScalarOps>.Run(positions, count, pa, pb, ldb, n, pc);

            if (TEpilogue.IsActive) epilogue.Apply(pc, n, 1, 0, 0, 1, n, false);
        }
    }
}
