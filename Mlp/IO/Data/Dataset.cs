namespace SimdMlp.IO;

/// <summary>
/// Samples for classification: a row-major feature matrix [<see cref="Count"/>, <see cref="FeatureCount"/>] and one
/// class index per sample in [0, <see cref="ClassCount"/>).
/// </summary>
/// <remarks>The arrays are shared, not copied, so that a trainer can read them without allocating.</remarks>
public sealed class Dataset
{
    /// <summary>A dataset over the given arrays, validated.</summary>
    /// <param name="features">Row-major [labels.Length, featureCount].</param>
    /// <param name="featureCount">Features per sample, ≥ 1.</param>
    /// <param name="labels">One class index per sample, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes, ≥ 1.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The shapes disagree or a label is out of range.</exception>
    public Dataset(float[] features, int featureCount, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if ((long)labels.Length * featureCount != features.Length)
        {
            throw new ArgumentException(
                $"features has {features.Length} floats, but {labels.Length} samples of {featureCount} features need {(long)labels.Length * featureCount}.",
                nameof(features));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}, outside [0, {classCount}).", nameof(labels));
            }
        }

        Features = features;
        FeatureCount = featureCount;
        Labels = labels;
        ClassCount = classCount;
    }

    /// <summary>The feature matrix, row-major [<see cref="Count"/>, <see cref="FeatureCount"/>].</summary>
    public float[] Features { get; }

    /// <summary>Features per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>The class index of each sample, in [0, <see cref="ClassCount"/>).</summary>
    public int[] Labels { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>The features of sample <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ReadOnlySpan<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return Features.AsSpan(index * FeatureCount, FeatureCount);
    }
}
