using System.Globalization;

namespace SimdMlp.IO;

/// <summary>
/// Reads numeric CSV files: one sample per line, feature columns plus one label column (the last, or one named in
/// a header row; see <see cref="CsvOptions"/>). Comma-separated by default, invariant culture (a dot for decimals),
/// an optional header detected automatically, empty lines skipped.
/// </summary>
/// <remarks>Every problem is an <see cref="InvalidDataException"/> naming the file, line and column.</remarks>
public static class CsvReader
{
    /// <summary>Reads a classification dataset: the label column holds class indices 0, 1, 2, ….</summary>
    /// <param name="path">The file (UTF-8, with or without a byte-order mark).</param>
    /// <param name="options">Label column, header, separator and class count; null for the defaults.</param>
    /// <exception cref="InvalidDataException">A field is malformed, a line has the wrong number of fields, or the file has no data.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Dataset ReadClassification(string path, CsvOptions? options = null)
    {
        using StreamReader reader = Open(path);
        return ReadClassification(reader, path, options);
    }

    /// <summary>Reads a classification dataset from text.</summary>
    /// <param name="reader">The CSV text, read to its end.</param>
    /// <param name="sourceName">Names the source in error messages.</param>
    /// <param name="options">Label column, header, separator and class count; null for the defaults.</param>
    /// <exception cref="InvalidDataException">A field is malformed, a line has the wrong number of fields, or there is no data.</exception>
    public static Dataset ReadClassification(TextReader reader, string sourceName, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new CsvOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.ClassCount, nameof(options));

        CsvTable<int> table = CsvParser<int>.Parse(reader, sourceName, options, ParseClass);
        int classCount = options.ClassCount;
        if (classCount == 0)
        {
            foreach (int label in table.Labels) classCount = Math.Max(classCount, label + 1);
        }
        else
        {
            int index = Array.FindIndex(table.Labels, label => label >= classCount);
            if (index >= 0)
            {
                throw DataErrors.InSource(sourceName,
                    $"data row {index + 1} has class {table.Labels[index]}, but the class count is {classCount}.");
            }
        }

        return new Dataset(table.Features, table.FeatureCount, table.Labels, classCount);
    }

    /// <summary>Reads a regression dataset: the label column holds one real-valued target per sample.</summary>
    /// <param name="path">The file (UTF-8, with or without a byte-order mark).</param>
    /// <param name="options">Label column, header and separator; null for the defaults.</param>
    /// <exception cref="InvalidDataException">A field is malformed, a line has the wrong number of fields, or the file has no data.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RegressionDataset ReadRegression(string path, CsvOptions? options = null)
    {
        using StreamReader reader = Open(path);
        return ReadRegression(reader, path, options);
    }

    /// <summary>Reads a regression dataset from text.</summary>
    /// <param name="reader">The CSV text, read to its end.</param>
    /// <param name="sourceName">Names the source in error messages.</param>
    /// <param name="options">Label column, header and separator; null for the defaults.</param>
    /// <exception cref="InvalidDataException">A field is malformed, a line has the wrong number of fields, or there is no data.</exception>
    public static RegressionDataset ReadRegression(TextReader reader, string sourceName, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        CsvTable<float> table = CsvParser<float>.Parse(reader, sourceName, options ?? new CsvOptions(), ParseTarget);
        return new RegressionDataset(table.Features, table.FeatureCount, table.Labels, 1);
    }

    private static StreamReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>A class index: a non-negative integer, also when written as 3.0.</summary>
    private static string? ParseClass(ReadOnlySpan<char> text, out int label)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out label) ||
            (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && value == Math.Floor(value) && Math.Abs(value) < int.MaxValue && (label = (int)value) == value))
        {
            // Below int.MaxValue so that the class count, label + 1, fits in an int.
            return label >= 0 && label < int.MaxValue ? null : "is not a valid class index (a non-negative integer).";
        }

        return "is not a class index (a non-negative integer).";
    }

    private static string? ParseTarget(ReadOnlySpan<char> text, out float target) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out target) && float.IsFinite(target)
            ? null
            : "is not a finite number.";
}
