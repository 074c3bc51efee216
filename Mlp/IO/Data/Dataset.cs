namespace SimdMlp.IO;

/// <summary>
/// Samples for classification: a row-major feature matrix [<see cref="Count"/>, <see cref="FeatureCount"/>] and one
/// class index per sample in [0, <see cref="ClassCount"/>).
/// </summary>
/// <remarks>
/// The arrays are shared, not copied, so that a trainer can read them without allocating. Features come as floats,
/// or as bytes read as <c>b / 255f</c> (pixel intensities, as <see cref="IdxReader"/> yields them): a byte-backed set
/// takes a quarter of the memory, trains from the bytes (<see cref="ToSampleSet"/>) to the same weights as from their
/// floats, and builds <see cref="Features"/> only if something asks for it.
/// </remarks>
public sealed class Dataset
{
    private float[]? _features;

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
        Validate(features.Length, "floats", featureCount, labels, classCount);
        _features = features;
        FeatureCount = featureCount;
        Labels = labels;
        ClassCount = classCount;
    }

    /// <summary>A dataset over byte features, each read as <c>b / 255f</c>, validated.</summary>
    /// <param name="features">Row-major [labels.Length, featureCount], e.g. pixel intensities.</param>
    /// <param name="featureCount">Features per sample, ≥ 1.</param>
    /// <param name="labels">One class index per sample, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes, ≥ 1.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The shapes disagree or a label is out of range.</exception>
    public Dataset(byte[] features, int featureCount, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        Validate(features.Length, "bytes", featureCount, labels, classCount);
        ByteFeatures = features;
        FeatureCount = featureCount;
        Labels = labels;
        ClassCount = classCount;
    }

    private static void Validate(long featureLength, string unit, int featureCount, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if ((long)labels.Length * featureCount != featureLength)
        {
            throw new ArgumentException(
                $"features has {featureLength} {unit}, but {labels.Length} samples of {featureCount} features need {(long)labels.Length * featureCount}.",
                "features");
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}, outside [0, {classCount}).", nameof(labels));
            }
        }
    }

    /// <summary>
    /// The feature matrix, row-major [<see cref="Count"/>, <see cref="FeatureCount"/>]; for a byte-backed set,
    /// <see cref="ByteFeatures"/> as <c>b / 255f</c>, built on first use and kept.
    /// </summary>
    public float[] Features => _features ?? Interlocked.CompareExchange(ref _features, UnitRange.ToFloats(ByteFeatures!), null) ?? _features!;

    /// <summary>The byte features of a byte-backed set (row-major, each read as <c>b / 255f</c>); null for a float set.</summary>
    public byte[]? ByteFeatures { get; }

    /// <summary>Features per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>The class index of each sample, in [0, <see cref="ClassCount"/>).</summary>
    public int[] Labels { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>
    /// The samples as a <see cref="Training.SampleSet"/> for <see cref="Training.Trainer"/>: over <see cref="ByteFeatures"/>
    /// when the set has them (the trainer converts each batch as it gathers it), else over <see cref="Features"/>.
    /// </summary>
    public Training.SampleSet ToSampleSet() =>
        ByteFeatures is { } bytes ? new Training.SampleSet(bytes, Labels) : new Training.SampleSet(Features, Labels);

    /// <summary>The features of sample <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ReadOnlySpan<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return Features.AsSpan(index * FeatureCount, FeatureCount);
    }
}
