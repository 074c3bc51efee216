namespace SimdMlp.Cli.Training;

/// <summary>What one epoch of <see cref="TrainingLoop"/> measured.</summary>
/// <param name="Epoch">From 1.</param>
/// <param name="LearningRate">The rate the schedule gave this epoch.</param>
/// <param name="TrainLoss">Mean loss over the epoch's batches, each taken before its update.</param>
/// <param name="TestLoss">Mean loss on the test set after the epoch.</param>
/// <param name="TestAccuracy">Accuracy on the test set after the epoch.</param>
/// <param name="TrainSeconds">Wall time of the epoch's training steps (test evaluation excluded).</param>
internal readonly record struct EpochResult(
    int Epoch, double LearningRate, double TrainLoss, double TestLoss, double TestAccuracy, double TrainSeconds);
