using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>Chooses how a product is computed and runs it, once arguments are valid.</summary>
/// <remarks>
/// Strategies, by shape:
/// <list type="bullet">
/// <item>m ≤ 3 (batch 1..3): <see cref="GemmSmallM{TVec, TOps}"/> streams B unpacked.</item>
/// <item>n ≤ 16 on AVX-512 (the N = 10 output layer, its weight gradient): <see cref="GemmNarrowN"/>, lanes along m,
/// k (dot products) or n, whichever suits op(A)'s layout and the depth.</item>
/// <item>k = 1 on AVX-512 and AVX2 (a batch-1 weight gradient): <see cref="GemmOuter{TVec, TOps}"/>, op(B)'s row in
/// registers, rows of C streamed.</item>
/// <item>Otherwise the packed five-loop <see cref="GemmLoop{TKernel}"/>, in whichever orientation keeps the
/// vector lanes fuller: C = A·B with lanes along n, or Cᵀ = Bᵀ·Aᵀ with lanes along m when n is narrow
/// (the N = 10 output layer fills 10 of 32 lanes one way and all of them the other).</item>
/// </list>
/// Parallel runs split the oriented problem over whole micro-tiles of M or N, never K: every element sees the
/// same kernel, tile kind and summation order whatever the thread count.
/// </remarks>
internal static unsafe class GemmDriver
{
    // Below this many multiply-adds (~20 µs of work) a second thread is not worth its hand-off: the batch-1 products
    // are bound by streaming B, and on a busy machine a hand-off can wait a whole scheduler quantum.
    private const long ParallelThreshold = 1 << 20;

    /// <summary>Same contract as <see cref="Gemm.Sgemm"/>, with the kernel family forced and arguments already valid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // One call less on a batch-1 product of ~80 ns.
    public static void Run(SimdPath path, Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        int maxDegreeOfParallelism) =>
        Run(path, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, maxDegreeOfParallelism, default(NoEpilogue));

    /// <summary>As above, then <paramref name="epilogue"/> on every element of C once it is final.</summary>
    public static void Run<TEpilogue>(SimdPath path, Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        int maxDegreeOfParallelism, in TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue
    {
        if (m == 0 || n == 0) return;
        fixed (float* pa = a, pb = b, pc = c)
        {
            var matC = new StridedMatrix(pc, ldc, 1);
            if (k == 0 || alpha == 0)
            {
                ScaleC(m, n, beta, matC);
                if (TEpilogue.IsActive) epilogue.Apply(matC.Data, ldc, 1, 0, 0, m, n, false);
                return;
            }

            var matA = transA == Transpose.No ? new StridedMatrix(pa, lda, 1) : new StridedMatrix(pa, 1, lda);
            var matB = transB == Transpose.No ? new StridedMatrix(pb, ldb, 1) : new StridedMatrix(pb, 1, ldb);
            bool serial = maxDegreeOfParallelism == 1 || (long)m * n * k < ParallelThreshold;
            if (serial && m <= GemmSmallM<Vector512<float>, Vector512Ops>.MaxRows)
            {
                // Batch-1 inference: skip planning, its cost is a large share of a sub-microsecond product.
                if (path == SimdPath.Avx512)
                {
                    GemmSmallM<Vector512<float>, Vector512Ops>.Run(m, 0, n, k, alpha, matA, matB, beta, matC);
                    if (TEpilogue.IsActive) epilogue.Apply(matC.Data, ldc, 1, 0, 0, m, n, false);
                    return;
                }

                if (path == SimdPath.Avx2)
                {
                    GemmSmallM<Vector256<float>, Vector256Ops>.Run(m, 0, n, k, alpha, matA, matB, beta, matC);
                    if (TEpilogue.IsActive) epilogue.Apply(matC.Data, ldc, 1, 0, 0, m, n, false);
                    return;
                }
            }

            if (serial && UseNarrowN(path, n))
            {
                GemmNarrowN.Run(0, m, n, k, alpha, matA, matB, beta, matC, epilogue);
                return;
            }

            if (serial && UseOuter(path, k))
            {
                RunOuter(path, 0, m, n, alpha, matA, matB, beta, matC);
                if (TEpilogue.IsActive) epilogue.Apply(matC.Data, ldc, 1, 0, 0, m, n, false);
                return;
            }

            var plan = GemmPlan.Create(path, m, n, k, alpha, matA, matB, beta, matC);
            int parts = serial ? 1 : Math.Min(maxDegreeOfParallelism, plan.Units);
            if (parts <= 1)
            {
                plan.Execute(0, 1, epilogue);
            }
            else
            {
                var work = PlanWork<TEpilogue>.ForThisThread;
                work.Plan = plan.WithSharedPackedB(parts);
                work.Epilogue = epilogue;
                WorkerPool.Run(work, parts);
            }
        }
    }

    /// <summary>Whether <see cref="GemmNarrowN"/> computes a product of n columns (m ≥ 4: smaller m is GemmSmallM's).</summary>
    public static bool UseNarrowN(SimdPath path, int n) =>
        path == SimdPath.Avx512 && n <= GemmNarrowN.MaxColumns && GemmNarrowN.IsSupported;

    /// <summary>Whether <see cref="GemmOuter{TVec, TOps}"/> computes a product of depth k (m ≥ 4, n past the narrow path).</summary>
    public static bool UseOuter(SimdPath path, int k) => k == 1 && path is SimdPath.Avx512 or SimdPath.Avx2;

    /// <summary>Rows i0..i1 of the k = 1 product on the family of <paramref name="path"/> (Avx512 or Avx2).</summary>
    public static void RunOuter(SimdPath path, int i0, int i1, int n, float alpha, StridedMatrix a, StridedMatrix b,
        float beta, StridedMatrix c)
    {
        if (path == SimdPath.Avx512) GemmOuter<Vector512<float>, Vector512Ops>.Run(i0, i1, n, alpha, a, b, beta, c);
        else GemmOuter<Vector256<float>, Vector256Ops>.Run(i0, i1, n, alpha, a, b, beta, c);
    }

    /// <summary>C = beta·C; beta == 0 writes zeros without reading C.</summary>
    private static void ScaleC(int m, int n, float beta, StridedMatrix c)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c.At(i, 0), n);
            if (beta == 0) row.Clear();
            else if (beta != 1)
            {
                for (int j = 0; j < row.Length; j++) row[j] *= beta;
            }
        }
    }

    /// <summary>A reusable carrier for one parallel region, per thread and epilogue type, so no call allocates.</summary>
    private sealed class PlanWork<TEpilogue> : IPartitionedWork where TEpilogue : struct, IGemmEpilogue
    {
        [ThreadStatic]
        private static PlanWork<TEpilogue>? s_threadInstance;

        public GemmPlan Plan;
        public TEpilogue Epilogue;

        public static PlanWork<TEpilogue> ForThisThread => s_threadInstance ??= new PlanWork<TEpilogue>();

        public void Execute(int part, int parts) => Plan.Execute(part, parts, Epilogue);
    }
}

/// <summary>One product, oriented and cut into the units (micro-tile columns or rows) that threads share.</summary>
internal readonly unsafe struct GemmPlan
{
    private readonly SimdPath _path;
    private readonly MicroKernelId _kernel;
    private readonly GemmStrategy _strategy;
    private readonly bool _transposed;
    private readonly bool _splitN;
    private readonly int _granule;
    private readonly int _m, _n, _k;
    private readonly float _alpha, _beta;
    private readonly StridedMatrix _a, _b, _c;
    private readonly SharedPackedB _shared;

    private GemmPlan(SimdPath path, MicroKernelId kernel, GemmStrategy strategy, bool transposed, bool splitN, int granule,
        int m, int n, int k, float alpha, StridedMatrix a, StridedMatrix b, float beta, StridedMatrix c,
        SharedPackedB shared = default)
    {
        _path = path; _kernel = kernel; _strategy = strategy; _transposed = transposed; _splitN = splitN; _granule = granule;
        _m = m; _n = n; _k = k; _alpha = alpha; _beta = beta; _a = a; _b = b; _c = c; _shared = shared;
    }

    /// <summary>The whole packed op(B) a shared plan may take: 8 MB, 2048 × 1024 floats.</summary>
    private const long MaxSharedFloats = 1 << 21;

    /// <summary>
    /// The smallest packed op(B) worth sharing: 256 KB. Below it each part packs its own copy from an op(B) that sits
    /// in its L2, in a few microseconds, and then reads only its own cache; shared, a part waits for panel groups the
    /// other is packing and reads them from the other core. Zen 4, 2 threads, both builds loaded in one process and
    /// interleaved, median per-round ratio of 9 rounds of 10 ms samples, three processes (2026-11-24 04:34 UTC), this
    /// rule over sharing every size: m×n×k 256×128×256 (128 KB op(B)) 1.13-1.19×, its Aᵀ form 1.10-1.15×,
    /// 256×128×64 1.14-1.17×, 256×256×128 1.03×; never sharing cost 256×256×784 (784 KB) 0.97-0.99× (04:31 UTC).
    /// </summary>
    private const long MinSharedFloats = 1 << 16;

    /// <summary>
    /// This plan for <paramref name="parts"/> parts: a packed plan split over M gets one packed op(B) in the caller's
    /// workspace that every part shares (<see cref="SharedPackedB"/>), unless it is larger than 8 MB or smaller than 256 KB.
    /// </summary>
    public GemmPlan WithSharedPackedB(int parts)
    {
        if (_strategy != GemmStrategy.Packed || _splitN || parts < 2) return this;
        var (floats, states) = SharedPackedB.Size(MicroKernels.Blocking(_kernel), _n, _k);
        if (floats > MaxSharedFloats || floats < MinSharedFloats) return this;
        var shared = new SharedPackedB(GemmWorkspace.RentShared((nint)floats), GemmWorkspace.RentStates(states));
        return new GemmPlan(_path, _kernel, _strategy, _transposed, _splitN, _granule, _m, _n, _k, _alpha, _a, _b, _beta,
            _c, shared);
    }

    /// <summary>Rows per unit of the k = 1 product: enough to keep each thread's op(B) loads in registers worthwhile.</summary>
    private const int OuterRowBlock = 16;

    /// <summary>How many units the work can be split into.</summary>
    public int Units => ((_splitN ? _n : _m) + _granule - 1) / _granule;

    public static GemmPlan Create(SimdPath path, int m, int n, int k, float alpha, StridedMatrix a, StridedMatrix b,
        float beta, StridedMatrix c)
    {
        if (m <= GemmSmallM<Vector512<float>, Vector512Ops>.MaxRows && path is SimdPath.Avx512 or SimdPath.Avx2)
        {
            int block = path == SimdPath.Avx512
                ? GemmSmallM<Vector512<float>, Vector512Ops>.ColumnBlock
                : GemmSmallM<Vector256<float>, Vector256Ops>.ColumnBlock;
            return new GemmPlan(path, MicroKernels.Main(path), GemmStrategy.SmallM, false, true, block, m, n, k, alpha, a, b,
                beta, c);
        }

        if (GemmDriver.UseNarrowN(path, n))
        {
            return new GemmPlan(path, MicroKernels.Main(path), GemmStrategy.NarrowN, false, false, GemmNarrowN.RowBlock, m, n,
                k, alpha, a, b, beta, c);
        }

        if (GemmDriver.UseOuter(path, k))
        {
            return new GemmPlan(path, MicroKernels.Main(path), GemmStrategy.Outer, false, false, OuterRowBlock, m, n, k,
                alpha, a, b, beta, c);
        }

        // Pick kernel and orientation by the share of multiply-adds that land in C; ties keep the main kernel
        // and C = A·B, whose tiles store straight into C.
        var kernel = MicroKernels.Main(path);
        var blk = MicroKernels.Blocking(kernel);
        bool transpose = false;
        double best = LaneEfficiency(m, n, blk);
        foreach (var candidate in (ReadOnlySpan<MicroKernelId>)[kernel, MicroKernels.Narrow(path)])
        {
            var cb = MicroKernels.Blocking(candidate);
            if (LaneEfficiency(m, n, cb) > best) (kernel, blk, transpose, best) = (candidate, cb, false, LaneEfficiency(m, n, cb));
            if (LaneEfficiency(n, m, cb) > best) (kernel, blk, transpose, best) = (candidate, cb, true, LaneEfficiency(n, m, cb));
        }

        if (transpose) (m, n, a, b, c) = (n, m, b.Transposed, a.Transposed, c.Transposed);

        // Each part packs the panels it uses: splitting M makes every part pack all of op(B) (k·n), splitting N all
        // of op(A) (m·k). So split the larger of m and n, and the smaller operand is the one packed twice, unless
        // that dimension has too few whole micro-tiles to share evenly (fewer than 4, and fewer than the other).
        int mTiles = (m + blk.MR - 1) / blk.MR, nTiles = (n + blk.NR - 1) / blk.NR;
        bool splitN = n > m ? nTiles >= Math.Min(mTiles, 4) : mTiles < Math.Min(nTiles, 4);
        return new GemmPlan(path, kernel, GemmStrategy.Packed, transpose, splitN, splitN ? blk.NR : blk.MR, m, n, k, alpha, a, b, beta, c);
    }

    /// <summary>Fraction of multiply-adds that land in C when lanes run along n and rows along m.</summary>
    private static double LaneEfficiency(int m, int n, in GemmBlocking blk) =>
        (double)m / RoundUp(m, blk.MR) * n / RoundUp(n, blk.NR);

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    /// <summary>Runs part <paramref name="part"/> of <paramref name="parts"/>: a contiguous range of units.</summary>
    public void Execute<TEpilogue>(int part, int parts, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        int units = Units;
        int u0 = (int)((long)units * part / parts), u1 = (int)((long)units * (part + 1) / parts);
        int extent = _splitN ? _n : _m;
        int lo = Math.Min(u0 * _granule, extent), hi = Math.Min(u1 * _granule, extent);
        if (lo >= hi) return;

        if (_strategy == GemmStrategy.NarrowN)
        {
            GemmNarrowN.Run(lo, hi, _n, _k, _alpha, _a, _b, _beta, _c, epilogue);
            return;
        }

        if (_strategy == GemmStrategy.Outer)
        {
            GemmDriver.RunOuter(_path, lo, hi, _n, _alpha, _a, _b, _beta, _c);
            if (TEpilogue.IsActive) epilogue.Apply(_c.At(lo, 0), _c.RowStride, 1, lo, 0, hi - lo, _n, false);
            return;
        }

        if (_strategy == GemmStrategy.SmallM)
        {
            if (_path == SimdPath.Avx512)
                GemmSmallM<Vector512<float>, Vector512Ops>.Run(_m, lo, hi, _k, _alpha, _a, _b, _beta, _c);
            else
                GemmSmallM<Vector256<float>, Vector256Ops>.Run(_m, lo, hi, _k, _alpha, _a, _b, _beta, _c);
            if (TEpilogue.IsActive) epilogue.Apply(_c.At(0, lo), _c.RowStride, 1, 0, lo, _m, hi - lo, false);
            return;
        }

        int m = _m, n = _n, row0 = 0, col0 = 0;
        StridedMatrix a = _a, b = _b, c = _c;
        if (_splitN)
        {
            n = hi - lo;
            col0 = lo;
            b = new StridedMatrix(_b.At(0, lo), _b.RowStride, _b.ColStride);
            c = new StridedMatrix(_c.At(0, lo), _c.RowStride, _c.ColStride);
        }
        else
        {
            m = hi - lo;
            row0 = lo;
            a = new StridedMatrix(_a.At(lo, 0), _a.RowStride, _a.ColStride);
            c = new StridedMatrix(_c.At(lo, 0), _c.RowStride, _c.ColStride);
        }

        var blk = MicroKernels.Blocking(_kernel);
        switch (_kernel)
        {
            case MicroKernelId.Avx512x8x32: GemmLoop<MicroKernel8x32Avx512>.Run(blk, m, n, _k, _alpha, a, b, _beta, c, epilogue, row0, col0, _transposed, _shared); break;
            case MicroKernelId.Avx512x5x32: GemmLoop<MicroKernel5x32Avx512>.Run(blk, m, n, _k, _alpha, a, b, _beta, c, epilogue, row0, col0, _transposed, _shared); break;
            case MicroKernelId.Avx2x6x16: GemmLoop<MicroKernel6x16Avx2>.Run(blk, m, n, _k, _alpha, a, b, _beta, c, epilogue, row0, col0, _transposed, _shared); break;
            case MicroKernelId.Vector128x6x8: GemmLoop<MicroKernel6x8Vector128>.Run(blk, m, n, _k, _alpha, a, b, _beta, c, epilogue, row0, col0, _transposed, _shared); break;
            default: GemmLoop<MicroKernel4x4Scalar>.Run(blk, m, n, _k, _alpha, a, b, _beta, c, epilogue, row0, col0, _transposed, _shared); break;
        }
    }
}

/// <summary>How a <see cref="GemmPlan"/> computes its units.</summary>
internal enum GemmStrategy
{
    /// <summary>The packed five-loop <see cref="GemmLoop{TKernel}"/>.</summary>
    Packed,

    /// <summary><see cref="GemmSmallM{TVec, TOps}"/>, units are column blocks.</summary>
    SmallM,

    /// <summary><see cref="GemmNarrowN"/>, units are 32-row blocks.</summary>
    NarrowN,

    /// <summary><see cref="GemmOuter{TVec, TOps}"/> (k = 1), units are 16-row blocks.</summary>
    Outer,
}
