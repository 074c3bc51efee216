namespace SimdMlp.Bench.Mlp;

/// <summary>A Fashion-MNIST training run. Seconds are wall time; training seconds exclude loading and evaluation.</summary>
public sealed record FashionResult(
    string Settings, int Batch, double LearningRate, int Seed, int Threads, int Epochs, double TestAccuracy, double BestTestAccuracy, double TrainSeconds,
    double FitSeconds, double LoadSeconds, IReadOnlyList<double> EpochTrainSeconds, IReadOnlyList<double> EpochTestAccuracy,
    int FirstEpochAtTarget, double SecondsToTarget, PredictResult ImagePredict);
