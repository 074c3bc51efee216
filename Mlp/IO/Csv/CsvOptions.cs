namespace SimdMlp.IO;

/// <summary>How <see cref="CsvReader"/> reads a file: which column is the label, whether there is a header, the separator.</summary>
public sealed record CsvOptions
{
    /// <summary>
    /// The header name of the label (or target) column, for example from a <c>--label-column name</c> option; the file
    /// then needs a header row. Null (the default) takes the last column. All other columns are features, in order.
    /// </summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// Whether the first non-empty line is a header. Null (the default) detects it: the first line is a header when
    /// any of its fields is not a number. Set it when a header's names are all numbers.
    /// </summary>
    public bool? HasHeader { get; init; }

    /// <summary>The field separator; a comma by default. Quoted fields may not contain it.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>
    /// For classification, the number of classes, so that a file missing the top classes (a small test split) still
    /// gets the model's class count; 0 (the default) uses the largest label + 1.
    /// </summary>
    public int ClassCount { get; init; }
}
