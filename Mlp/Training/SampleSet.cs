namespace SimdMlp.Training;

/// <summary>
/// Samples as spans: inputs [Count, Features] row-major with either class labels (one per sample) or target rows
/// [Count, Outputs]. A view: it copies nothing, so the spans must outlive its use.
/// </summary>
/// <remarks>
/// Inputs are floats, or bytes read as <c>b / 255f</c> (pixel intensities): a quarter of the memory to gather a
/// shuffled batch from, converted as the trainer copies each batch. The two train to bit-identical weights.
/// </remarks>
public readonly ref struct SampleSet
{
    /// <summary>Samples with class labels (softmax: class indices; sigmoid: one-hot rows, or 0/1 for one output).</summary>
    /// <param name="inputs">[count, features] row-major, count = <c>labels.Length</c>.</param>
    /// <param name="labels">One class index per sample.</param>
    /// <exception cref="ArgumentException">inputs is not a whole number of rows per label.</exception>
    public SampleSet(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        Features = RowLength(inputs.Length, "floats", labels.Length, "labels", nameof(inputs));
        Inputs = inputs;
        Labels = labels;
        Count = labels.Length;
    }

    /// <summary>Samples with byte inputs, each read as <c>b / 255f</c>, and class labels.</summary>
    /// <param name="inputs">[count, features] row-major bytes, count = <c>labels.Length</c>.</param>
    /// <param name="labels">One class index per sample.</param>
    /// <exception cref="ArgumentException">inputs is not a whole number of rows per label.</exception>
    public SampleSet(ReadOnlySpan<byte> inputs, ReadOnlySpan<int> labels)
    {
        Features = RowLength(inputs.Length, "bytes", labels.Length, "labels", nameof(inputs));
        ByteInputs = inputs;
        Labels = labels;
        Count = labels.Length;
    }

    /// <summary>Samples with target rows (regression, multi-label, or soft class targets).</summary>
    /// <param name="inputs">[count, features] row-major.</param>
    /// <param name="targets">[count, outputs] row-major.</param>
    /// <param name="count">The number of samples.</param>
    /// <exception cref="ArgumentException">inputs or targets is not a whole number of rows for count samples.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public SampleSet(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Features = RowLength(inputs.Length, "floats", count, "samples", nameof(inputs));
        RowLength(targets.Length, "floats", count, "samples", nameof(targets));
        Inputs = inputs;
        Targets = targets;
        Count = count;
        HasTargets = true;
    }

    /// <summary>length / rows, or 0 for no rows; throws unless the length is a whole number of rows.</summary>
    private static int RowLength(int length, string unit, int rows, string rowName, string paramName)
    {
        if (rows == 0 ? length != 0 : length % rows != 0)
        {
            throw new ArgumentException($"{paramName} has {length} {unit}, not a whole number of rows for {rows} {rowName}.", paramName);
        }

        return rows == 0 ? 0 : length / rows;
    }

    /// <summary>[Count, Features] row-major; empty when the set has <see cref="ByteInputs"/>.</summary>
    public ReadOnlySpan<float> Inputs { get; }

    /// <summary>[Count, Features] row-major bytes, each read as <c>b / 255f</c>; empty when the set has float <see cref="Inputs"/>.</summary>
    public ReadOnlySpan<byte> ByteInputs { get; }

    /// <summary>Whether the inputs are <see cref="ByteInputs"/> rather than float <see cref="Inputs"/>.</summary>
    public bool HasByteInputs => !ByteInputs.IsEmpty;

    /// <summary>Class labels, one per sample; empty when the set has targets.</summary>
    public ReadOnlySpan<int> Labels { get; }

    /// <summary>Target rows [Count, Outputs]; empty when the set has labels.</summary>
    public ReadOnlySpan<float> Targets { get; }

    /// <summary>The number of samples.</summary>
    public int Count { get; }

    /// <summary>Features (floats or bytes) per input row.</summary>
    public int Features { get; }

    /// <summary>Whether the set has target rows rather than labels.</summary>
    public bool HasTargets { get; }

    /// <summary>Whether the set holds no samples (also true for <c>default</c>).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Checks the set against a network; <paramref name="name"/> names it in messages.</summary>
    internal void Validate(MlpDefinition definition, string name)
    {
        if (IsEmpty) return;
        if (Features != definition.InputSize)
        {
            throw new ArgumentException(
                $"{name} has {Features} features per sample, but the network {definition} takes {definition.InputSize}.", name);
        }

        if (HasTargets)
        {
            if (Targets.Length != Count * definition.OutputSize)
            {
                throw new ArgumentException(
                    $"{name} has {Targets.Length / Count} targets per sample, but the network has {definition.OutputSize} outputs.", name);
            }

            return;
        }

        LabelChecks.Validate(Labels, definition, name);
    }
}
