namespace SimdMlp.IO;

/// <summary>
/// Samples for regression (or any real-valued targets): row-major features [<see cref="Count"/>,
/// <see cref="FeatureCount"/>] and row-major targets [<see cref="Count"/>, <see cref="TargetCount"/>].
/// </summary>
/// <remarks>The arrays are shared, not copied, so that a trainer can read them without allocating.</remarks>
public sealed class RegressionDataset
{
    /// <summary>A dataset over the given arrays, validated.</summary>
    /// <param name="features">Row-major [count, featureCount].</param>
    /// <param name="featureCount">Features per sample, ≥ 1.</param>
    /// <param name="targets">Row-major [count, targetCount].</param>
    /// <param name="targetCount">Targets per sample, ≥ 1.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The shapes disagree.</exception>
    public RegressionDataset(float[] features, int featureCount, float[] targets, int targetCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCount, 1);
        if (targets.Length % targetCount != 0)
        {
            throw new ArgumentException($"targets has {targets.Length} floats, not a multiple of {targetCount}.", nameof(targets));
        }

        int count = targets.Length / targetCount;
        if ((long)count * featureCount != features.Length)
        {
            throw new ArgumentException(
                $"features has {features.Length} floats, but {count} samples of {featureCount} features need {(long)count * featureCount}.",
                nameof(features));
        }

        Features = features;
        FeatureCount = featureCount;
        Targets = targets;
        TargetCount = targetCount;
    }

    /// <summary>The feature matrix, row-major [<see cref="Count"/>, <see cref="FeatureCount"/>].</summary>
    public float[] Features { get; }

    /// <summary>Features per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>The target matrix, row-major [<see cref="Count"/>, <see cref="TargetCount"/>].</summary>
    public float[] Targets { get; }

    /// <summary>Targets per sample.</summary>
    public int TargetCount { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Targets.Length / TargetCount;
}
