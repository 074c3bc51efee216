namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>
/// How long to warm up and how many interleaved samples to take. Each sample times enough back-to-back calls to
/// last at least <see cref="SampleTime"/>, so tiny shapes are not lost in timer and scheduling noise.
/// Peers whose single call is slower than <see cref="SlowCall"/> (naive and Math.NET at 1024³) get
/// <see cref="SlowSamples"/> one-call samples instead, to keep the whole run to a few minutes.
/// </summary>
public sealed record SamplingPlan(
    string Name, int Samples, TimeSpan SampleTime, TimeSpan Warmup, TimeSpan SlowCall, int SlowSamples, TimeSpan TieringWarmup)
{
    public static SamplingPlan Full { get; } = new("full", 9, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(30),
        TimeSpan.FromMilliseconds(250), 3, TimeSpan.FromMilliseconds(400));

    public static SamplingPlan Quick { get; } = new("quick", 7, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(10),
        TimeSpan.FromMilliseconds(250), 1, TimeSpan.FromMilliseconds(250));

    public string Describe() =>
        $"{Name}: warm-up ≥{Warmup.TotalMilliseconds:F0} ms per peer and row, then median of {Samples} samples of " +
        $"≥{SampleTime.TotalMilliseconds:F0} ms each, peers interleaved round-robin (start rotated per round); " +
        $"a peer whose call takes >{SlowCall.TotalMilliseconds:F0} ms gets {SlowSamples} one-call sample(s)";
}
