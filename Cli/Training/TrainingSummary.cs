using SimdMlp.Training;

namespace SimdMlp.Cli.Training;

/// <summary>A finished training run, as metrics.json and the plot describe it.</summary>
internal sealed record TrainingSummary(
    string Data,
    string ModelPath,
    string Architecture,
    string Settings,
    int TrainCount,
    int TestCount,
    IReadOnlyList<EpochMetrics> History);
