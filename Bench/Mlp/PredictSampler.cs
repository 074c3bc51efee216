using System.Diagnostics;

namespace SimdMlp.Bench.Mlp;

/// <summary>
/// One-sample inference latency: <c>model.Predict(x, y)</c> (the thread-static-workspace overload, the one a caller
/// reaches for first), warmed up, then every call timed separately with <see cref="Stopwatch.GetTimestamp"/>.
/// </summary>
public static class PredictSampler
{
    public static PredictResult Measure(MlpBenchPlan plan)
    {
        var model = MultiLayerPerceptron.Create(MlpNetwork.Definition, 1);
        float[] x = MlpNetwork.RandomInputs(MlpNetwork.Inputs, 2);
        var y = new float[MlpNetwork.Classes];

        long start = Stopwatch.GetTimestamp();
        int warm = 0;
        while (warm < plan.PredictWarmupCalls || Stopwatch.GetElapsedTime(start) < plan.WarmupTime)
        {
            for (int i = 0; i < 1000; i++) model.Predict(x, y);
            warm += 1000;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < plan.PredictAllocationCalls; i++) model.Predict(x, y);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        double overheadNs = TimerOverheadNs();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var ticks = new long[plan.PredictCalls];
        for (int i = 0; i < ticks.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            model.Predict(x, y);
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        if (!float.IsFinite(y[0])) throw new InvalidOperationException($"Predict produced {y[0]}.");
        double mean = ticks.Average() * TicksToUs;
        Array.Sort(ticks);
        return new PredictResult(ticks.Length, Us(ticks, 0.50), Us(ticks, 0.90), Us(ticks, 0.99), Us(ticks, 0.999),
            ticks[0] * TicksToUs, ticks[^1] * TicksToUs, mean, allocated, plan.PredictAllocationCalls, overheadNs);
    }

    private static double TicksToUs => 1e6 / Stopwatch.Frequency;

    /// <summary>Nearest-rank percentile of sorted ticks, in µs.</summary>
    private static double Us(long[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] * TicksToUs;

    private static double TimerOverheadNs()
    {
        var ticks = new long[10_001];
        for (int i = 0; i < ticks.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        Array.Sort(ticks);
        return ticks[ticks.Length / 2] * 1e9 / Stopwatch.Frequency;
    }
}
