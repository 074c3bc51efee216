using System.Diagnostics;
using SimdMlp.Bench.Common;
using SimdMlp.Bench.Sgemm.Peers;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>
/// Measures one table row. Peers are warmed up, checked against the reference peer's output, then timed in
/// rounds — one sample of every peer per round, starting with a different peer each round — so slow drifts
/// in machine load (other jobs compiling) hit every peer alike instead of whichever ran during the burst.
/// </summary>
public sealed class InterleavedSampler(SamplingPlan plan)
{
    /// <summary>Results in <paramref name="peers"/> order; <paramref name="reference"/> indexes the peer others are checked against.</summary>
    public IReadOnlyList<PeerResult> Measure(GemmProblem problem, int threads, IReadOnlyList<IGemmPeer> peers, int reference)
    {
        int count = peers.Count;
        var outputs = new float[count][];
        var calls = new int[count];
        var times = new double[count][];

        // Garbage left by the previous row (Math.NET allocates) should not be collected during this row's samples.
        GC.Collect();
        GC.WaitForPendingFinalizers();

        for (int i = 0; i < count; i++)
        {
            if (!peers[i].IsAvailable) continue;
            peers[i].SetThreads(threads);
            outputs[i] = problem.NewC();
            outputs[i].AsSpan().Fill(float.NaN); // beta = 0 must overwrite everything; NaN left over fails the check.
            double perCall = WarmUp(peers[i], problem, outputs[i]);
            bool slow = perCall > plan.SlowCall.TotalSeconds;
            calls[i] = slow ? 1 : (int)Math.Clamp(Math.Ceiling(plan.SampleTime.TotalSeconds / perCall), 1, int.MaxValue);
            times[i] = new double[slow ? plan.SlowSamples : plan.Samples];
            Settle(peers[i], threads);
        }

        var diffs = new double?[count];
        for (int i = 0; i < count; i++)
        {
            if (outputs[i] is not null) diffs[i] = OutputCheck.MaxRelDiff(outputs[i], outputs[reference]);
        }

        int rounds = 0;
        foreach (var t in times) rounds = Math.Max(rounds, t?.Length ?? 0);
        for (int round = 0; round < rounds; round++)
        {
            for (int offset = 0; offset < count; offset++)
            {
                int i = (round + offset) % count;
                if (times[i] is null || round >= times[i].Length) continue;
                times[i][round] = SecondsPerCall(peers[i], problem, outputs[i], calls[i]);
                Settle(peers[i], threads);
            }
        }

        var results = new PeerResult[count];
        for (int i = 0; i < count; i++)
        {
            var peer = peers[i];
            if (times[i] is null)
            {
                results[i] = PeerResult.Unavailable(peer.Name);
                continue;
            }

            double median = Stats.Median(times[i], times[i].Length);
            float[] output = outputs[i];
            long? bytes = peer.ReportsAllocations
                ? AllocationProbe.BytesPerCall(() => peer.Multiply(problem, output), threads > 1, calls[i] == 1 ? 1 : 3)
                : null;
            results[i] = new PeerResult(peer.Name, median, problem.Shape.Flops / median / 1e9, times[i].Length, calls[i],
                bytes, diffs[i]);
        }

        return results;
    }

    /// <summary>Calls until the warm-up time has passed (at least twice), then returns a calibrated time per call.</summary>
    private double WarmUp(IGemmPeer peer, GemmProblem problem, float[] c)
    {
        long start = Stopwatch.GetTimestamp();
        int calls = 0;
        do
        {
            long t = Stopwatch.GetTimestamp();
            peer.Multiply(problem, c);
            calls++;
            double seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
            if (seconds > plan.SlowCall.TotalSeconds) return seconds; // One call is warm-up enough; do not repeat it.
        }
        while (calls < 2 || Stopwatch.GetElapsedTime(start) < plan.Warmup);

        // Calibrate on a batch lasting a quarter of a sample: one call of a tiny shape is too noisy to scale from.
        double quarter = plan.SampleTime.TotalSeconds / 4;
        for (int n = 1; ; n *= 2)
        {
            double perCall = SecondsPerCall(peer, problem, c, n);
            if (perCall * n >= quarter || n >= 1 << 20) return perCall;
        }
    }

    /// <summary>The timed loop: nothing but the calls (no allocation, no LINQ).</summary>
    private static double SecondsPerCall(IGemmPeer peer, GemmProblem problem, float[] c, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++) peer.Multiply(problem, c);
        return Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
    }

    private static void Settle(IGemmPeer peer, int threads)
    {
        var pause = peer.SettleAfter(threads);
        if (pause > TimeSpan.Zero) Thread.Sleep(pause);
    }
}
