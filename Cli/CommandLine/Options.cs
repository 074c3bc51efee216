namespace SimdMlp.Cli.CommandLine;

/// <summary>Option names shared by several commands, so that each is spelled once.</summary>
internal static class Options
{
    public const string Verbose = "--verbose";
    public const string Data = "--data";
    public const string Model = "--model";
    public const string LabelColumn = "--label-column";

    public static readonly OptionSpec VerboseSpec =
        new(Verbose, null, "On an error, also print the exception with its stack trace.");

    public static readonly OptionSpec LabelColumnSpec =
        new(LabelColumn, "NAME", "For CSV data: the header name of the label column (default: the last column).");
}
