namespace SimdMlp.Training;

/// <summary>Class labels to one-hot target rows, for heads whose loss takes targets.</summary>
internal static class OneHot
{
    /// <summary>
    /// targets[i, j] = (j == labels[i]); with a single output column, the label itself (0 or 1) is the target.
    /// Labels are assumed valid (checked at the public boundary).
    /// </summary>
    public static void Write(ReadOnlySpan<int> labels, int columns, Span<float> targets)
    {
        if (columns == 1)
        {
            for (int i = 0; i < labels.Length; i++) targets[i] = labels[i];
            return;
        }

        targets[..(labels.Length * columns)].Clear();
        for (int i = 0; i < labels.Length; i++) targets[i * columns + labels[i]] = 1f;
    }
}
