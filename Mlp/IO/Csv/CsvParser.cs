using System.Globalization;

namespace SimdMlp.IO;

/// <summary>Parses a label field; returns null on success, else what is wrong with it.</summary>
internal delegate string? CsvLabelParser<TLabel>(ReadOnlySpan<char> text, out TLabel label);

/// <summary>
/// The CSV grammar shared by classification and regression: numeric features plus one label column, an optional
/// header, empty lines skipped, invariant culture, fields trimmed of white space and of one pair of enclosing quotes.
/// </summary>
internal sealed class CsvParser<TLabel>
{
    private readonly string _source;
    private readonly char _separator;
    private readonly CsvLabelParser<TLabel> _parseLabel;
    private readonly List<float> _features = [];
    private readonly List<TLabel> _labels = [];
    private string[]? _names;
    private int _fieldCount;
    private long _fieldCountLine;
    private int _labelIndex;

    private CsvParser(string source, char separator, CsvLabelParser<TLabel> parseLabel)
    {
        _source = source;
        _separator = separator;
        _parseLabel = parseLabel;
    }

    /// <summary>Reads every row; errors name the source, line and column.</summary>
    public static CsvTable<TLabel> Parse(TextReader reader, string source, CsvOptions options, CsvLabelParser<TLabel> parseLabel)
    {
        var parser = new CsvParser<TLabel>(source, options.Separator, parseLabel);
        long lineNumber = 0;
        bool first = true;
        while (reader.ReadLine() is string line)
        {
            lineNumber++;
            if (line.AsSpan().IsWhiteSpace()) continue;
            if (first)
            {
                first = false;
                if (parser.ReadFirstLine(line, lineNumber, options)) continue;
            }

            parser.ReadRow(line, lineNumber);
        }

        if (first) throw DataErrors.InSource(source, "the file has no rows.");
        if (parser._labels.Count == 0) throw DataErrors.InSource(source, "the file has a header but no data rows.");
        return new CsvTable<TLabel>(parser._features.ToArray(), parser._fieldCount - 1, parser._labels.ToArray());
    }

    /// <summary>Whether a field reads as a number in the invariant culture.</summary>
    internal static bool IsNumber(ReadOnlySpan<char> field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Fixes the field count, the header and the label column from the first non-empty line.</summary>
    /// <returns>True if the line is a header (so not data).</returns>
    private bool ReadFirstLine(string line, long lineNumber, CsvOptions options)
    {
        string[] fields = line.Split(_separator);
        bool hasHeader = options.HasHeader ?? !Array.TrueForAll(fields, f => IsNumber(Unquote(f)));
        _names = hasHeader ? Array.ConvertAll(fields, f => Unquote(f).ToString()) : null;
        _fieldCount = fields.Length;
        _fieldCountLine = lineNumber;
        if (_fieldCount < 2)
        {
            throw DataErrors.AtLine(_source, lineNumber,
                $"needs at least one feature and a label, but has {_fieldCount} field (separator '{_separator}').");
        }

        _labelIndex = options.LabelColumn is null ? _fieldCount - 1 : FindColumn(options.LabelColumn, lineNumber);
        return hasHeader;
    }

    private void ReadRow(string line, long lineNumber)
    {
        ReadOnlySpan<char> rest = line;
        int count = rest.Count(_separator) + 1;
        if (count != _fieldCount)
        {
            throw DataErrors.AtLine(_source, lineNumber,
                $"has {count} fields, but line {_fieldCountLine} has {_fieldCount} (separator '{_separator}').");
        }

        for (int column = 0; column < _fieldCount; column++)
        {
            int end = rest.IndexOf(_separator);
            ReadOnlySpan<char> field = Unquote(end < 0 ? rest : rest[..end]);
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (column == _labelIndex)
            {
                string? problem = _parseLabel(field, out TLabel label);
                if (problem is not null) throw FieldError(lineNumber, column, field, problem);
                _labels.Add(label);
            }
            else if (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value))
            {
                _features.Add(value);
            }
            else
            {
                throw FieldError(lineNumber, column, field, "is not a finite number.");
            }
        }
    }

    private int FindColumn(string name, long lineNumber)
    {
        if (_names is null)
        {
            throw DataErrors.AtLine(_source, lineNumber,
                $"the label column '{name}' is chosen by name, but the file has no header row (this first line is all numbers).");
        }

        int index = Array.IndexOf(_names, name);
        if (index < 0)
        {
            throw DataErrors.AtLine(_source, lineNumber,
                $"the header has no column '{name}'; it has {string.Join(", ", _names.Select(n => $"'{n}'"))}.");
        }

        if (Array.LastIndexOf(_names, name) != index)
        {
            throw DataErrors.AtLine(_source, lineNumber, $"the header has more than one column '{name}'.");
        }

        return index;
    }

    /// <summary>The field without surrounding white space and one pair of enclosing double quotes.</summary>
    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }

    private InvalidDataException FieldError(long line, int column, ReadOnlySpan<char> field, string problem) =>
        DataErrors.AtField(_source, line, column + 1, _names?[column], $"'{field}' {problem}");
}
