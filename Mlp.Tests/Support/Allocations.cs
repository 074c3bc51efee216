namespace SimdMlp.Tests.Support;

public static class Allocations
{
    /// <summary>
    /// Bytes allocated on this thread by <paramref name="action"/>, the least over a few rounds after a long warm-up.
    /// </summary>
    /// <remarks>
    /// A real allocation in the measured code shows in every round. Under a busy parallel test run (and most often
    /// with DOTNET_EnableHWIntrinsic=0, where tier-up takes longer) the runtime very rarely charged a one-off 256 bytes
    /// to the calling thread during a JIT tier transition; it was never reproducible in a dedicated 6,000-step loop.
    /// Taking the least of three rounds keeps the test strict for the code and immune to that.
    /// </remarks>
    public static long Least(Action action, int warmUp = 40, int rounds = 3, int callsPerRound = 4)
    {
        for (int i = 0; i < warmUp; i++) action();
        long least = long.MaxValue;
        for (int round = 0; round < rounds && least != 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < callsPerRound; i++) action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
