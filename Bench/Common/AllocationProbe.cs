namespace SimdMlp.Bench.Common;

/// <summary>Managed bytes one call allocates, measured outside any timed loop.</summary>
public static class AllocationProbe
{
    /// <summary>
    /// Bytes allocated by <paramref name="call"/>, the minimum over <paramref name="calls"/> calls.
    /// A single-threaded call is measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which nothing
    /// else in the process can disturb. A multi-threaded call hands work to pool threads whose allocations that
    /// counter misses, so it uses the precise process-wide counter instead; the minimum over calls filters out
    /// unrelated runtime allocations that happen to land in the window.
    /// </summary>
    public static long BytesPerCall(Action call, bool multiThreaded, int calls = 3)
    {
        long best = long.MaxValue;
        for (int i = 0; i < calls; i++)
        {
            long before = Allocated(multiThreaded);
            call();
            best = Math.Min(best, Allocated(multiThreaded) - before);
        }

        return best;
    }

    private static long Allocated(bool processWide) =>
        processWide ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
}
