using System.Diagnostics;

namespace SimdMlp.Bench.Mlp;

/// <summary>
/// One-sample inference latency: <c>model.Predict(x, y)</c> (the thread-static-workspace overload, the one a caller
/// reaches for first), warmed up, then every call timed separately with <see cref="Stopwatch.GetTimestamp"/>.
/// </summary>
/// <remarks>
/// Before each call the next sample is copied into one input buffer, outside the timed region, as a service would
/// have just parsed a request into its buffer: the input is warm, the weights are wherever the previous calls left
/// them.
/// </remarks>
public static class PredictSampler
{
    /// <summary>The untrained benchmark network on one dense random input (uniform in [0, 1), no zeros).</summary>
    public static PredictResult Measure(MlpBenchPlan plan) =>
        Measure(plan, MultiLayerPerceptron.Create(MlpNetwork.Definition, 1), MlpNetwork.RandomInputs(MlpNetwork.Inputs, 2));

    /// <summary><paramref name="model"/> on the rows of <paramref name="samples"/> in turn.</summary>
    public static PredictResult Measure(MlpBenchPlan plan, MultiLayerPerceptron model, ReadOnlySpan<float> samples)
    {
        int features = model.Definition.InputSize;
        int rows = samples.Length / features;
        var x = new float[features];
        var y = new float[model.Definition.OutputSize];

        long start = Stopwatch.GetTimestamp();
        int warm = 0;
        while (warm < plan.PredictWarmupCalls || Stopwatch.GetElapsedTime(start) < plan.WarmupTime)
        {
            for (int i = 0; i < 1000; i++, warm++)
            {
                samples.Slice(warm % rows * features, features).CopyTo(x);
                model.Predict(x, y);
            }
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
            samples.Slice(i % rows * features, features).CopyTo(x);
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
