using System.Globalization;

namespace SimdMlp.Cli.CommandLine;

/// <summary>The options of one command line, with typed getters whose errors name the option and the accepted values.</summary>
internal sealed class ParsedArguments(IReadOnlyDictionary<string, string> values, IReadOnlySet<string> flags)
{
    public bool Has(string name) => values.ContainsKey(name) || flags.Contains(name);

    public string? Text(string name) => values.TryGetValue(name, out string? value) ? value : null;

    public string RequiredText(string name) =>
        Text(name) ?? throw new InputException($"Option {name} is required.");

    public int Integer(string name, int fallback, int min, int max)
    {
        if (Text(name) is not string text) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        throw new InputException($"Option {name} needs a whole number from {min} to {max}, but got '{text}'.");
    }

    /// <summary>A finite number in [min, max] (or (min, max] when <paramref name="minExclusive"/>).</summary>
    public double Number(string name, double fallback, double min, double max, bool minExclusive = false)
    {
        if (Text(name) is not string text) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            && (minExclusive ? value > min : value >= min) && value <= max)
        {
            return value;
        }

        string range = minExclusive ? $"greater than {Format(min)} and at most {Format(max)}" : $"from {Format(min)} to {Format(max)}";
        throw new InputException($"Option {name} needs a number {range}, but got '{text}'.");
    }

    /// <summary>One of a fixed set of words (case-insensitive).</summary>
    public T Choice<T>(string name, T fallback, IReadOnlyList<(string Word, T Value)> choices)
    {
        if (Text(name) is not string text) return fallback;
        foreach ((string word, T value) in choices)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase)) return value;
        }

        throw new InputException($"Option {name} needs one of {string.Join(", ", choices.Select(c => c.Word))}, but got '{text}'.");
    }

    /// <summary>A comma-separated list of whole numbers in [min, max], such as <c>256,128</c>.</summary>
    public int[] IntegerList(string name, int[] fallback, int min, int max)
    {
        if (Text(name) is not string text) return fallback;
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        var result = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out result[i]) || result[i] < min || result[i] > max)
            {
                throw new InputException(
                    $"Option {name} needs a comma-separated list of whole numbers from {min} to {max} (such as 256,128), but got '{text}'.");
            }
        }

        return result;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
