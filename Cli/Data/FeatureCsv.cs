using System.Globalization;

namespace SimdMlp.Cli.Data;

/// <summary>
/// The rows of a <c>predict</c> input: numeric CSV (invariant culture, comma-separated, optional header detected by a
/// non-numeric field, empty lines skipped), each row the model's inputs, optionally followed by one more column (a
/// label, as in training files) that is ignored, so a labelled test file can be predicted as it is.
/// </summary>
internal static class FeatureCsv
{
    public static float[] Read(string path, int inputs, out int rows)
    {
        if (Directory.Exists(path)) throw new InputException($"The input {path} is a folder, not a CSV file.");
        if (!File.Exists(path)) throw new InputException($"The input file {path} does not exist.");

        var values = new List<float>();
        int? fieldCount = null;
        long lineNumber = 0;
        rows = 0;
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (reader.ReadLine() is string line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string[] fields = line.Split(',');
            if (fieldCount is null)
            {
                fieldCount = fields.Length;
                if (fields.Length != inputs && fields.Length != inputs + 1)
                {
                    throw new InputException(
                        $"{path}: line {lineNumber} has {fields.Length} fields, but the model takes {inputs} inputs (optionally followed by a label column).");
                }

                // A header: some field is not a number.
                if (!Array.TrueForAll(fields, f => TryParse(f, out _))) continue;
            }
            else if (fields.Length != fieldCount)
            {
                throw new InputException($"{path}: line {lineNumber} has {fields.Length} fields, but the first row has {fieldCount}.");
            }

            for (int column = 0; column < inputs; column++)
            {
                if (!TryParse(fields[column], out float value))
                {
                    throw new InputException($"{path}: line {lineNumber}, column {column + 1}: '{fields[column].Trim()}' is not a finite number.");
                }

                values.Add(value);
            }

            rows++;
        }

        if (rows == 0) throw new InputException($"{path} has no data rows.");
        return values.ToArray();
    }

    private static bool TryParse(string field, out float value)
    {
        ReadOnlySpan<char> text = field.AsSpan().Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') text = text[1..^1].Trim();
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
    }
}
