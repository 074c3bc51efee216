using SimdMlp.Bench.Common;

namespace SimdMlp.Bench.Mlp;

/// <summary>All results of one <c>mlp</c> run, with the derived figures computed once for the markdown and the JSON.</summary>
public sealed record MlpReport(
    IReadOnlyList<StepResult> Steps, double[][] RoundTimes, PredictResult Predict, FashionResult? Fashion, bool FashionRequested,
    string? FashionSkipped, MlpRunInfo Info, string LoadAverage)
{
    // Targets from issue "The allocation-free MLP" (context only; the harness never tunes for them).
    public const double TargetStepB64T1Us = 700;
    public const double TargetSpeedupB256 = 1.8;
    public const double TargetPredictP50Us = 7;
    public const double TargetPredictP99Us = 15;
    public const double TargetFashionSeconds = 4;

    public StepResult Step(int batch, int threads) =>
        Steps.First(s => s.Batch == batch && s.Threads == threads);

    /// <summary>Throughput ratio at batch 256: median(1 thread) / median(2 threads).</summary>
    public double SpeedupB256 => Step(256, 1).MedianUs / Step(256, 2).MedianUs;

    /// <summary>Throughput ratio at batch 64: median(1 thread) / median(2 threads).</summary>
    public double SpeedupB64 => Step(64, 1).MedianUs / Step(64, 2).MedianUs;

    /// <summary>Median over rounds of the per-round ratio t1/t2 at batch 256 (each pair ran back to back).</summary>
    public double PairedSpeedupB256 => PairedRatio(256);

    private double PairedRatio(int batch)
    {
        int one = IndexOf(batch, 1), two = IndexOf(batch, 2);
        double[] t1 = RoundTimes[one], t2 = RoundTimes[two];
        var ratios = new double[t1.Length];
        for (int i = 0; i < ratios.Length; i++) ratios[i] = t1[i] / t2[i];
        return Stats.Median(ratios, ratios.Length);
    }

    private int IndexOf(int batch, int threads)
    {
        for (int i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Batch == batch && Steps[i].Threads == threads) return i;
        }

        throw new KeyNotFoundException($"b{batch}_t{threads}");
    }

    /// <summary>Whether every training step produced a finite loss (a broken kernel usually does not).</summary>
    public bool LossesFinite => Steps.All(s => float.IsFinite(s.FirstLoss) && float.IsFinite(s.LastLoss));
}
