using System.Text;
using SimdMlp.Cli.Commands;

namespace SimdMlp.Cli.CommandLine;

/// <summary>The help screens, built from the commands' <see cref="OptionSpec"/>s so that help and parser agree.</summary>
internal static class HelpText
{
    public static string Main => $"""
        simdmlp: train, evaluate and run multi-layer perceptrons on the SimdMlp kernels.

        Usage:
          simdmlp train   --data PATH [options]                 {TrainCommand.Summary}
          simdmlp eval    --model PATH --data PATH              {EvalCommand.Summary}
          simdmlp predict --model PATH --input PATH --output PATH
                                                                {PredictCommand.Summary}
          simdmlp --version                                     The version and the SIMD path in use.
          simdmlp COMMAND --help                                The options of a command.

        Example (the built-in 5,000-image Fashion-MNIST subset; use /usr/share/datasets/fashion-mnist for all of it):
          simdmlp train --data builtin --epochs 5 --out model.smlp --metrics metrics.json --plot curves.svg
          simdmlp eval --model model.smlp --data builtin

        Exit codes: 0 success, 2 bad input (one line on stderr names the file or option), 1 internal error.

        """;

    public static string? ForCommand(string command) => command switch
    {
        "train" => Build("train", "--data PATH [options]", TrainCommand.Summary, TrainCommand.Options),
        "eval" => Build("eval", "--model PATH --data PATH [options]", EvalCommand.Summary, EvalCommand.Options),
        "predict" => Build("predict", "--model PATH --input PATH --output PATH", PredictCommand.Summary, PredictCommand.Options),
        _ => null,
    };

    private static string Build(string command, string usage, string summary, IReadOnlyList<OptionSpec> options)
    {
        var text = new StringBuilder();
        text.Append("simdmlp ").Append(command).Append(": ").AppendLine(summary).AppendLine();
        text.Append("Usage: simdmlp ").Append(command).Append(' ').AppendLine(usage).AppendLine();
        text.AppendLine("Options:");
        foreach (OptionSpec option in options)
        {
            string left = option.IsFlag ? option.Name : $"{option.Name} {option.ValueName}";
            text.Append("  ").Append(left.PadRight(24)).AppendLine(option.Description);
        }

        return text.ToString();
    }
}
