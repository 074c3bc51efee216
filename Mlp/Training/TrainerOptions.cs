namespace SimdMlp.Training;

/// <summary>Settings of a <see cref="Trainer"/> (immutable; set with an object initializer).</summary>
public sealed record TrainerOptions
{
    /// <summary>Samples per mini-batch, ≥ 1 (default 64); also the workspace's maximum batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Epochs <see cref="Trainer.Fit"/> runs at most, ≥ 1 (default 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The update rule and base learning rate (default plain SGD, lr 0.01).</summary>
    public OptimizerSettings Optimizer { get; init; } = OptimizerSettings.Sgd(0.01);

    /// <summary>How the learning rate changes per epoch (default constant).</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>Seeds the shuffles and the validation split: equal seeds give bit-identical training.</summary>
    public int Seed { get; init; }

    /// <summary>Whether the training samples are reshuffled every epoch (default true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// The fraction of the training samples held out for validation when <see cref="Trainer.Fit"/> gets no validation
    /// set, in [0, 1) (default 0). The held-out samples are chosen by a seeded shuffle.
    /// </summary>
    public double ValidationFraction { get; init; }

    /// <summary>
    /// Stop after this many epochs without a validation-loss improvement; 0 (default) never stops early.
    /// Needs validation data.
    /// </summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>The smallest validation-loss decrease that counts as an improvement (default 0).</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>
    /// With validation data, whether <see cref="Trainer.Fit"/> ends with the weights of the epoch with the lowest
    /// validation loss (default true).
    /// </summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>Threads for the matrix products, ≥ 1 (default 1). Results are bit-identical whatever the value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Called after every epoch of <see cref="Trainer.Fit"/> with its metrics; may be null.</summary>
    public Action<EpochMetrics>? EpochCompleted { get; init; }

    /// <summary>
    /// Called after every training batch of <see cref="Trainer.Fit"/> with its number of samples, for progress
    /// displays; may be null. It runs on the training thread between steps, so it should return quickly.
    /// </summary>
    public Action<int>? BatchCompleted { get; init; }

    /// <summary>Checks every value, with messages naming the option.</summary>
    internal void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be ≥ 1.");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be ≥ 1.");
        ArgumentNullException.ThrowIfNull(Optimizer);
        if (ValidationFraction is not (>= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction,
                "ValidationFraction must be in [0, 1).");
        }

        if (EarlyStoppingPatience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience,
                "EarlyStoppingPatience must be ≥ 0 (0 disables early stopping).");
        }

        if (!(EarlyStoppingMinDelta >= 0 && double.IsFinite(EarlyStoppingMinDelta)))
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingMinDelta), EarlyStoppingMinDelta,
                "EarlyStoppingMinDelta must be finite and ≥ 0.");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism,
                "MaxDegreeOfParallelism must be ≥ 1.");
        }
    }
}
