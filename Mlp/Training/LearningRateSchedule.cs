namespace SimdMlp.Training;

/// <summary>
/// How the learning rate changes with the epoch (evaluated once at the start of each epoch, epoch counted from 0):
/// constant, step decay or cosine annealing. Immutable.
/// </summary>
public readonly record struct LearningRateSchedule
{
    private LearningRateSchedule(LearningRateScheduleKind kind, int stepEpochs, double factor, double minimum)
    {
        Kind = kind;
        StepEpochs = stepEpochs;
        Factor = factor;
        MinimumFraction = minimum;
    }

    /// <summary>The schedule's shape.</summary>
    public LearningRateScheduleKind Kind { get; }

    /// <summary>For <see cref="LearningRateScheduleKind.Step"/>: epochs between decays.</summary>
    public int StepEpochs { get; }

    /// <summary>For <see cref="LearningRateScheduleKind.Step"/>: the multiplier applied every <see cref="StepEpochs"/>.</summary>
    public double Factor { get; }

    /// <summary>For <see cref="LearningRateScheduleKind.Cosine"/>: the final rate as a fraction of the base rate.</summary>
    public double MinimumFraction { get; }

    /// <summary>lr(e) = lr₀ (the default).</summary>
    public static LearningRateSchedule Constant => default;

    /// <summary>lr(e) = lr₀ · factor^⌊e / everyEpochs⌋.</summary>
    /// <param name="everyEpochs">Epochs between decays, ≥ 1.</param>
    /// <param name="factor">The multiplier, in (0, 1] typically; finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static LearningRateSchedule Step(int everyEpochs, double factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyEpochs, 1);
        if (!(factor >= 0 && double.IsFinite(factor)))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor must be finite and ≥ 0, but is {factor}.");
        return new(LearningRateScheduleKind.Step, everyEpochs, factor, 0);
    }

    /// <summary>lr(e) = lr_min + ½ (lr₀ − lr_min)(1 + cos(π e / E)), E the number of epochs, lr_min = lr₀ · minimumFraction.</summary>
    /// <param name="minimumFraction">The final rate as a fraction of lr₀, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumFraction"/> is outside [0, 1].</exception>
    public static LearningRateSchedule Cosine(double minimumFraction = 0)
    {
        if (minimumFraction is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumFraction), minimumFraction,
                $"minimumFraction must be in [0, 1], but is {minimumFraction}.");
        }

        return new(LearningRateScheduleKind.Cosine, 0, 0, minimumFraction);
    }

    /// <summary>The learning rate for an epoch.</summary>
    /// <param name="baseRate">lr₀.</param>
    /// <param name="epoch">The epoch, from 0.</param>
    /// <param name="epochs">The planned number of epochs E (for cosine).</param>
    public double RateAt(double baseRate, int epoch, int epochs) => Kind switch
    {
        LearningRateScheduleKind.Step => baseRate * Math.Pow(Factor, epoch / StepEpochs),
        LearningRateScheduleKind.Cosine => baseRate * (MinimumFraction
            + 0.5 * (1 - MinimumFraction) * (1 + Math.Cos(Math.PI * Math.Min(epoch, epochs) / Math.Max(epochs, 1)))),
        _ => baseRate,
    };
}
