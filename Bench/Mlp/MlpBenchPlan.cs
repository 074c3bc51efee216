namespace SimdMlp.Bench.Mlp;

/// <summary>
/// How long the <c>mlp</c> mode warms up and how many samples it takes. Training steps: every case warms up for at
/// least <see cref="WarmupSteps"/> steps and <see cref="WarmupTime"/>, then <see cref="Samples"/> samples per case of
/// enough back-to-back steps to last at least <see cref="SampleTime"/>, cases interleaved round-robin.
/// Predict: <see cref="PredictWarmupCalls"/> calls (and at least <see cref="WarmupTime"/>), then
/// <see cref="PredictCalls"/> individually timed calls.
/// </summary>
public sealed record MlpBenchPlan(
    string Name, int WarmupSteps, TimeSpan WarmupTime, int Samples, TimeSpan SampleTime, int AllocationSteps,
    int PredictWarmupCalls, int PredictCalls, int PredictAllocationCalls)
{
    public static MlpBenchPlan Full { get; } = new("full", 200, TimeSpan.FromMilliseconds(400), 21,
        TimeSpan.FromMilliseconds(25), 200, 10_000, 100_000, 10_000);

    public static MlpBenchPlan Quick { get; } = new("quick", 200, TimeSpan.FromMilliseconds(150), 9,
        TimeSpan.FromMilliseconds(10), 100, 10_000, 20_000, 10_000);

    public string Describe() =>
        $"{Name}: training steps warm up ≥{WarmupSteps} steps and ≥{WarmupTime.TotalMilliseconds:F0} ms per case, then " +
        $"{Samples} samples per case of ≥{SampleTime.TotalMilliseconds:F0} ms of back-to-back steps, the cases interleaved " +
        $"round-robin (start rotated per round, 1 ms pause after a 2-thread sample so spinning GEMM workers go idle); " +
        $"predict warms up ≥{PredictWarmupCalls} calls and ≥{WarmupTime.TotalMilliseconds:F0} ms, then times " +
        $"{PredictCalls} calls one by one";
}
