namespace SimdMlp.Kernels;

/// <summary>
/// Validation of <see cref="Losses"/> arguments, done once at the public boundary before anything is written.
/// </summary>
internal static class LossArguments
{
    /// <summary>Checks logits against one label per row and returns the number of classes (0 for an empty batch).</summary>
    public static int Labels(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels)
    {
        int batch = labels.Length;
        if (batch == 0)
        {
            if (logits.Length != 0)
            {
                throw new ArgumentException(
                    $"logits has {logits.Length} elements, but labels is empty, so the batch is empty.", nameof(logits));
            }

            return 0;
        }

        if (logits.Length == 0 || logits.Length % batch != 0)
        {
            throw new ArgumentException(
                $"logits has {logits.Length} elements, which is not {batch} rows (one per label) of one or more classes.",
                nameof(logits));
        }

        int classes = logits.Length / batch;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i],
                    $"labels[{i}] = {labels[i]} is not a class index in [0, {classes}).");
            }
        }

        return classes;
    }

    /// <summary>
    /// Checks a [batch, n] input and its same-shaped targets; <paramref name="atLeastOneColumn"/> requires n ≥ 1
    /// (softmax of zero classes is undefined).
    /// </summary>
    public static void Rows(ReadOnlySpan<float> input, string inputName, ReadOnlySpan<float> targets, int batch,
        bool atLeastOneColumn)
    {
        if (batch < 0) throw new ArgumentOutOfRangeException(nameof(batch), batch, $"batch must be non-negative, but is {batch}.");
        if (batch == 0 && input.Length != 0)
        {
            throw new ArgumentException($"batch is 0, but {inputName} has {input.Length} elements.", nameof(batch));
        }

        if (batch > 0 && (input.Length % batch != 0 || (atLeastOneColumn && input.Length == 0)))
        {
            string columns = atLeastOneColumn ? "one or more" : "an equal number of";
            throw new ArgumentException(
                $"{inputName} has {input.Length} elements, which is not {batch} rows (batch) of {columns} columns.",
                inputName);
        }

        if (targets.Length != input.Length)
        {
            throw new ArgumentException(
                $"targets has {targets.Length} elements, but {inputName} has {input.Length}: they must have the same shape.",
                nameof(targets));
        }
    }

    /// <summary>
    /// Checks that an output holds at least as many elements as the input, and that the part written either is the
    /// input itself (in place) or lies apart from it and from the targets.
    /// </summary>
    public static void Output(ReadOnlySpan<float> output, string outputName, ReadOnlySpan<float> input,
        string inputName, ReadOnlySpan<float> targets)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException(
                $"{outputName} has {output.Length} elements, but {inputName} has {input.Length}: it is too short.",
                outputName);
        }

        var written = output[..input.Length];
        if (written.Overlaps(input, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"{outputName} partially overlaps {inputName}: it may be {inputName} itself (in place) or lie apart from it.",
                outputName);
        }

        if (written.Overlaps(targets))
        {
            throw new ArgumentException($"{outputName} overlaps targets, which it must not.", outputName);
        }
    }

    /// <summary>Checks that the written parts of the two outputs do not overlap.</summary>
    public static void Apart(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> dLogits, int length)
    {
        if (probabilities[..length].Overlaps(dLogits[..length]))
        {
            throw new ArgumentException("probabilities overlaps dLogits: they must be separate buffers.",
                nameof(probabilities));
        }
    }
}
