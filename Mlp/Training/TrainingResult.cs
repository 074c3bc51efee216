namespace SimdMlp.Training;

/// <summary>The outcome of <see cref="Trainer.Fit"/>.</summary>
/// <param name="History">Metrics of every epoch run, in order.</param>
/// <param name="BestEpoch">The epoch (from 1) with the lowest validation loss; the last epoch without validation data.</param>
/// <param name="StoppedEarly">Whether early stopping ended training before the planned epochs.</param>
/// <param name="RestoredBestWeights">Whether the model was reset to the weights of <paramref name="BestEpoch"/>.</param>
/// <param name="Seconds">Wall time of the whole fit.</param>
public sealed record TrainingResult(
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    bool StoppedEarly,
    bool RestoredBestWeights,
    double Seconds);
