using SimdMlp.Cli.CommandLine;
using SimdMlp.Cli.Commands;

namespace SimdMlp.Cli;

/// <summary>The <c>simdmlp</c> entry point: picks the command and turns every failure into an exit code and one line.</summary>
internal static class Program
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of an unexpected internal error (a bug).</summary>
    public const int InternalError = 1;

    /// <summary>Exit code of bad input: a missing or malformed file, an unknown option, a bad option value.</summary>
    public const int BadInput = 2;

    public static int Main(string[] args)
    {
        // The live progress bar only makes sense on a terminal; CI logs and pipes get plain lines.
        bool interactive = !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected;
        return Run(args, System.Console.Out, System.Console.Error, interactive);
    }

    /// <summary>Runs one command line in-process, as tests do, with plain (non-interactive) output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, interactive: false);

    /// <summary>Runs one command line; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool verbose = args.Contains(Options.Verbose);
        try
        {
            var context = new CommandContext(stdout, stderr, interactive);
            return Dispatch(args, context);
        }
        catch (Exception error)
        {
            return ErrorReport.Write(error, stderr, verbose);
        }
    }

    private static int Dispatch(string[] args, CommandContext context)
    {
        if (args.Length == 0) throw new InputException("No command given; run `simdmlp --help` to see the commands.");
        switch (args[0])
        {
            case "--version":
            case "version":
                OnlyArgument(args);
                VersionCommand.Run(context);
                return Success;
            case "--help":
            case "-h":
            case "help":
                if (args.Length == 2 && HelpText.ForCommand(args[1]) is string text)
                {
                    context.Out.Write(text);
                    return Success;
                }

                OnlyArgument(args);
                context.Out.Write(HelpText.Main);
                return Success;
            case "train" or "eval" or "predict" when args.AsSpan(1).Contains("--help") || args.AsSpan(1).Contains("-h"):
                context.Out.Write(HelpText.ForCommand(args[0]));
                return Success;
            case "train":
                return TrainCommand.Run(ArgumentParser.Parse("train", args.AsSpan(1), TrainCommand.Options), context);
            case "eval":
                return EvalCommand.Run(ArgumentParser.Parse("eval", args.AsSpan(1), EvalCommand.Options), context);
            case "predict":
                return PredictCommand.Run(ArgumentParser.Parse("predict", args.AsSpan(1), PredictCommand.Options), context);
            default:
                throw new InputException(args[0].StartsWith('-')
                    ? $"Unknown option {args[0]}; a command (train, eval or predict) comes first, see `simdmlp --help`."
                    : $"Unknown command '{args[0]}'; the commands are train, eval and predict (see `simdmlp --help`).");
        }
    }

    private static void OnlyArgument(string[] args)
    {
        if (args.Length > 1) throw new InputException($"{args[0]} takes no further arguments, but got '{args[1]}'.");
    }
}
