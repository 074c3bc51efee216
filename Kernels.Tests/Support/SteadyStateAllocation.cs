using Xunit;

namespace SimdMlp.Kernels.Tests.Support;

/// <summary>Asserts that a warmed-up call allocates nothing on the calling thread.</summary>
/// <remarks>
/// Same policy as the GEMM allocation tests: after a warm-up call, <see cref="Consecutive"/> calls in a row must each
/// allocate 0 bytes, within <see cref="Attempts"/> attempts. Inside the test host only, a single call very rarely
/// shows a few hundred bytes to a few KB that no console harness reproduces (0 B over 800 000 calls); a call that
/// really allocates does so every time and fails every attempt. The message lists every count seen.
/// </remarks>
public static class SteadyStateAllocation
{
    private const int Attempts = 4, Consecutive = 3;

    /// <summary>Warms <paramref name="call"/> up, then asserts the policy above.</summary>
    /// <param name="call">The call under test; create the delegate before calling, so it is not counted.</param>
    /// <param name="what">Names the call in the failure message.</param>
    public static void AssertNone(Action call, string what)
    {
        call();
        var seen = new List<long>(Attempts * Consecutive);
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            int clean = 0;
            while (clean < Consecutive)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                call();
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                seen.Add(bytes);
                if (bytes != 0) break;
                clean++;
            }

            if (clean == Consecutive) return;
        }

        Assert.Fail($"{what}: after warm-up, no {Consecutive} calls in a row allocated nothing; bytes per call seen: " +
            string.Join(", ", seen));
    }
}
