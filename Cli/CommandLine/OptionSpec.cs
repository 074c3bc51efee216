namespace SimdMlp.Cli.CommandLine;

/// <summary>One option a command accepts: its name, the kind of value it takes (null for a flag) and its help line.</summary>
/// <param name="Name">The option as typed, with its dashes: <c>--epochs</c>.</param>
/// <param name="ValueName">The placeholder in help (<c>N</c>, <c>PATH</c>); null for a flag that takes no value.</param>
/// <param name="Description">The help line, defaults included.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Description)
{
    public bool IsFlag => ValueName is null;
}
