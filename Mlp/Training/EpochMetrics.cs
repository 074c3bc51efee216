namespace SimdMlp.Training;

/// <summary>What one epoch of <see cref="Trainer.Fit"/> measured. Losses are per-sample means; accuracies are in [0, 1].</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="LearningRate">The learning rate used during the epoch.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches (each as the weights were when it ran).</param>
/// <param name="TrainAccuracy">Training accuracy over the epoch's batches; NaN for the linear head.</param>
/// <param name="ValidationLoss">Validation loss after the epoch; NaN without validation data.</param>
/// <param name="ValidationAccuracy">Validation accuracy after the epoch; NaN without validation data or for the linear head.</param>
/// <param name="TestLoss">Test loss after the epoch; NaN without a test set.</param>
/// <param name="TestAccuracy">Test accuracy after the epoch; NaN without a test set or for the linear head.</param>
/// <param name="TrainSeconds">Wall time of the epoch's training steps.</param>
/// <param name="Seconds">Wall time of the whole epoch, evaluation included.</param>
/// <param name="IsBest">Whether this epoch has the lowest validation loss so far.</param>
public readonly record struct EpochMetrics(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double TestLoss,
    double TestAccuracy,
    double TrainSeconds,
    double Seconds,
    bool IsBest);
