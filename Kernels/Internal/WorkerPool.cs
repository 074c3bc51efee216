namespace SimdMlp.Kernels;

/// <summary>A work item split into parts: part 0 runs on the caller, parts 1.. on pool threads.</summary>
internal interface IPartitionedWork
{
    void Execute(int part, int parts);
}

/// <summary>
/// Persistent worker threads for the parallel kernels (GEMM, optimizer updates), so a parallel call allocates nothing
/// and wakes a spinning thread in well under a microsecond when calls come back to back (as in a training loop).
/// </summary>
/// <remarks>
/// One parallel region runs at a time. A caller that finds the pool busy runs its work serially instead of
/// waiting; results are bit-identical either way, because every kernel splits its work so that no element's result
/// depends on the split (GEMM over M or N blocks, never over K; updates over element ranges).
/// Each worker's part is claimed by compare-and-swap, by the worker or by the caller: when the caller finishes its
/// own part first, it takes any part whose worker has not started (on a busy machine that worker may not be
/// scheduled for a whole time slice), so a region never waits for a thread that is not running.
/// </remarks>
internal static class WorkerPool
{
    // Spin about 100 µs (1 000 × SpinWait(1), ~90 ns each on Zen 4) after a region before a worker blocks: long
    // enough to cover the gap between the products of one training step, short enough not to steal the core from
    // the caller's serial work on a busy machine.
    private const int SpinIterations = 1_000;

    private static readonly object s_gate = new();
    private static Worker[] s_workers = [];
    private static IPartitionedWork? s_work;
    private static int s_parts;
    private static int s_pending;

    /// <summary>1 from the start of a region until its caller leaves it; workers that finished early keep spinning.</summary>
    /// <remarks>
    /// A worker that finishes its part more than the spin budget before the caller used to block, and the next region
    /// then paid its wake-up: on this VM kind, a halted vCPU took 5-8 µs to start on 512³ and 430-650 µs on 1024³
    /// (latency from the region's start to the worker claiming its part, averaged over back-to-back calls, Zen 4,
    /// 2026-11-24 04:51 UTC); spinning until the region ends, 0.4-0.7 µs on 512³ and 9-195 µs on 1024³.
    /// </remarks>
    private static int s_regionOpen;
    private static Exception? s_error;

    /// <summary>Threads available to one region, the caller included.</summary>
    public static int MaxParts => Environment.ProcessorCount;

    /// <summary>Runs <paramref name="work"/> in <paramref name="parts"/> parts, in parallel when the pool is free.</summary>
    public static void Run(IPartitionedWork work, int parts)
    {
        parts = Math.Min(parts, MaxParts);
        if (parts <= 1 || !Monitor.TryEnter(s_gate))
        {
            for (int part = 0; part < parts; part++) work.Execute(part, parts);
            return;
        }

        try
        {
            EnsureWorkers(parts - 1);
            s_work = work;
            s_parts = parts;
            s_error = null;
            Volatile.Write(ref s_pending, parts - 1);
            Volatile.Write(ref s_regionOpen, 1);
            for (int w = 0; w < parts - 1; w++) s_workers[w].Start();

            work.Execute(0, parts);
            for (int w = 0; w < parts - 1; w++)
            {
                if (s_workers[w].TryClaim()) RunPart(w + 1);
            }

            var spinner = default(SpinWait);
            while (Volatile.Read(ref s_pending) != 0) spinner.SpinOnce(sleep1Threshold: -1);
            s_work = null;
            if (s_error is { } error) throw new AggregateException("A SimdMlp worker thread failed.", error);
        }
        finally
        {
            Volatile.Write(ref s_regionOpen, 0);
            Monitor.Exit(s_gate);
        }
    }

    private static void RunPart(int part)
    {
        try
        {
            s_work!.Execute(part, s_parts);
        }
        catch (Exception e)
        {
            s_error = e;
        }

        Interlocked.Decrement(ref s_pending);
    }

    private static void EnsureWorkers(int count)
    {
        if (s_workers.Length >= count) return;
        var workers = new Worker[count];
        Array.Copy(s_workers, workers, s_workers.Length);
        for (int w = s_workers.Length; w < count; w++) workers[w] = new Worker(w + 1);
        s_workers = workers;
    }

    private sealed class Worker
    {
        private readonly object _signal = new();
        private readonly int _part;
        private int _hasWork;

        public Worker(int part)
        {
            _part = part;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"SimdMlp worker {part}" };
            thread.Start();
        }

        public void Start()
        {
            Volatile.Write(ref _hasWork, 1);
            lock (_signal) Monitor.Pulse(_signal);
        }

        /// <summary>Takes this worker's part of the current region; true for exactly one caller per region.</summary>
        public bool TryClaim() => Interlocked.CompareExchange(ref _hasWork, 0, 1) == 1;

        private void Loop()
        {
            while (true)
            {
                int spins = 0;
                while (Volatile.Read(ref _hasWork) == 0)
                {
                    // While the caller still runs its part, the next region is at most that long away: keep
                    // spinning, so the region's end does not find this thread blocked.
                    if (Volatile.Read(ref s_regionOpen) != 0) spins = 0;
                    if (++spins < SpinIterations)
                    {
                        Thread.SpinWait(1);
                        continue;
                    }

                    lock (_signal)
                    {
                        while (Volatile.Read(ref _hasWork) == 0) Monitor.Wait(_signal);
                    }
                }

                // The caller may have taken the part meanwhile; then there is nothing to do.
                if (TryClaim()) RunPart(_part);
            }
        }
    }
}
