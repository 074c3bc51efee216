using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>Runs alone: process-wide allocation counts must not see other tests.</summary>
[CollectionDefinition(nameof(GemmAllocationCollection), DisableParallelization = true)]
public sealed class GemmAllocationCollection;

/// <summary>
/// After one warm-up call, calls allocate nothing: the calling thread's allocated-bytes counter does not move over
/// three calls in a row (and, for the threaded path, neither does the whole process's over one call).
/// </summary>
[Collection(nameof(GemmAllocationCollection))]
public sealed class GemmAllocationTests
{
    /// <summary>The MLP's products (forward, batch 1, output layer, batch-1 weight gradient) and a cube, each in all four transpose combinations.</summary>
    public static TheoryData<int, int, int, Transpose, Transpose> Shapes()
    {
        var data = new TheoryData<int, int, int, Transpose, Transpose>();
        foreach (var (m, n, k) in new[] { (256, 256, 256), (64, 256, 784), (1, 256, 784), (64, 10, 128), (784, 256, 1) })
        {
            foreach (var ta in new[] { Transpose.No, Transpose.Yes })
            {
                foreach (var tb in new[] { Transpose.No, Transpose.Yes }) data.Add(m, n, k, ta, tb);
            }
        }

        return data;
    }

    private static GemmProblem Problem(GemmEntry entry, SimdPath path, int m, int n, int k, Transpose ta,
        Transpose tb, float beta = 1f, int dop = 1) =>
        GemmProblem.Create(new GemmCase(entry, path, ta, tb, m, n, k, 1f, beta, PadA: 1, PadB: 2, PadC: 3, Dop: dop));

    // No allocation of its own: spans over existing arrays, no boxing, no closures.
    private static long AllocatedByCall(GemmProblem p)
    {
        var c = p.Case;
        int dop = c.Dop;
        long before = GC.GetAllocatedBytesForCurrentThread();
        if (c.Entry == GemmEntry.Public)
        {
            Kernels.Gemm.Sgemm(c.TransA, c.TransB, c.M, c.N, c.K, c.Alpha, p.A.Span, p.A.Ld, p.B.Span, p.B.Ld, c.Beta,
                p.C.Span, p.C.Ld, dop);
        }
        else
        {
            GemmDriver.Run(c.Path, c.TransA, c.TransB, c.M, c.N, c.K, c.Alpha, p.A.Span, p.A.Ld, p.B.Span, p.B.Ld,
                c.Beta, p.C.Span, p.C.Ld, dop);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private const int Attempts = 4, Consecutive = 3;

    /// <summary>
    /// After one warm-up call, <see cref="Consecutive"/> calls in a row allocate nothing on the calling thread.
    /// </summary>
    /// <remarks>
    /// A GEMM that allocates does so on every call (or every other call), so it fails every attempt. Up to
    /// <see cref="Attempts"/> attempts are made because, inside the test host only, a single call very rarely
    /// (about one run in 30, in any leg, even with tiered compilation off) shows a few KB allocated on its thread
    /// with no GC in between, while the same call repeated at once allocates 0 and a console harness sees 0 bytes
    /// over 800 000 calls: an artefact of the host, not of the GEMM. Every observed count is in the failure message.
    /// </remarks>
    private static void AssertSteadyStateAllocatesNothing(GemmProblem p)
    {
        AllocatedByCall(p); // warm-up: JIT, lazily created per-thread buffers
        var seen = new long[Attempts * Consecutive];
        int calls = 0;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            int clean = 0;
            while (clean < Consecutive)
            {
                long bytes = AllocatedByCall(p);
                seen[calls++] = bytes;
                if (bytes != 0) break;
                clean++;
            }

            if (clean == Consecutive) return;
        }

        Assert.Fail($"{p.Case}: after warm-up, no {Consecutive} calls in a row allocated nothing; bytes allocated " +
            $"by each call on the calling thread: {string.Join(", ", seen.Take(calls))}.");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sgemm_allocates_nothing_after_warm_up(int m, int n, int k, Transpose transA, Transpose transB) =>
        AssertSteadyStateAllocatesNothing(Problem(GemmEntry.Public, SimdCapabilities.ActivePath, m, n, k, transA, transB));

    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Every_family_allocates_nothing_after_warm_up(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        foreach (var (m, n, k) in new[] { (256, 256, 256), (64, 256, 784), (1, 256, 784), (64, 10, 128), (784, 256, 1) })
            AssertSteadyStateAllocatesNothing(Problem(GemmEntry.Driver, path, m, n, k, Transpose.No, Transpose.No, beta: 0f));
    }

    [Fact]
    public void Threaded_Sgemm_allocates_nothing_after_warm_up()
    {
        // 256³ with two threads: m = 256 covers two MC blocks of every family, so the work really is split.
        var p = Problem(GemmEntry.Public, SimdCapabilities.ActivePath, 256, 256, 256, Transpose.No, Transpose.No,
            dop: 2);
        AssertSteadyStateAllocatesNothing(p);

        // The whole process, worker threads included: other threads of the runner may allocate now and then, but
        // a GEMM that allocates does so on every call, so the smallest of several deltas must be zero.
        long processMin = long.MaxValue;
        for (int attempt = 0; attempt < 5 && processMin != 0; attempt++)
        {
            long processBefore = GC.GetTotalAllocatedBytes(precise: true);
            AllocatedByCall(p);
            processMin = Math.Min(processMin, GC.GetTotalAllocatedBytes(precise: true) - processBefore);
        }

        Assert.True(processMin == 0, $"{p.Case}: every call allocated at least {processMin} bytes process-wide");
    }
}
