using Spectre.Console;

namespace SimdMlp.Cli;

/// <summary>Where a command writes: the two streams, and whether stdout is a terminal (live progress) or a log.</summary>
internal sealed class CommandContext
{
    public CommandContext(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        Out = stdout;
        Error = stderr;
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });

        // A log has no window: wide enough for a 10-class confusion matrix instead of Spectre's default 80 columns.
        if (!interactive) Console.Profile.Width = 120;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public bool Interactive { get; }

    /// <summary>Spectre.Console over <see cref="Out"/>, for tables and the progress bar.</summary>
    public IAnsiConsole Console { get; }
}
