namespace SimdMlp.Cli.CommandLine;

/// <summary>
/// Reads <c>--name value</c>, <c>--name=value</c> and flags against a command's <see cref="OptionSpec"/>s; anything
/// else (an unknown option, a stray word, a missing value, an option given twice) is an <see cref="InputException"/>.
/// </summary>
/// <remarks>Hand-written rather than System.CommandLine so that every error is exactly one sentence and exit code 2.</remarks>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(string command, ReadOnlySpan<string> args, IReadOnlyList<OptionSpec> specs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                throw new InputException(
                    $"Unexpected argument '{token}' for `simdmlp {command}`, which takes only options (see `simdmlp {command} --help`).");
            }

            int equals = token.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? token : token[..equals];
            OptionSpec spec = Find(specs, name)
                ?? throw new InputException($"Unknown option {name} for `simdmlp {command}` (see `simdmlp {command} --help`).");
            if (values.ContainsKey(name) || flags.Contains(name)) throw new InputException($"Option {name} is given more than once.");

            if (spec.IsFlag)
            {
                if (equals >= 0) throw new InputException($"Option {name} is a flag and takes no value, but got '{token[(equals + 1)..]}'.");
                flags.Add(name);
                continue;
            }

            string value;
            if (equals >= 0)
            {
                value = token[(equals + 1)..];
            }
            else if (i + 1 < args.Length && !IsOptionName(args[i + 1]))
            {
                value = args[++i];
            }
            else
            {
                throw new InputException($"Option {name} needs a value ({spec.ValueName}).");
            }

            if (value.Length == 0) throw new InputException($"Option {name} needs a value ({spec.ValueName}), but got an empty one.");
            values.Add(name, value);
        }

        return new ParsedArguments(values, flags);
    }

    /// <summary>A value may start with one dash (a negative number) but not two.</summary>
    private static bool IsOptionName(string token) => token.StartsWith("--", StringComparison.Ordinal);

    private static OptionSpec? Find(IReadOnlyList<OptionSpec> specs, string name)
    {
        foreach (OptionSpec spec in specs)
        {
            if (spec.Name == name) return spec;
        }

        return null;
    }
}
