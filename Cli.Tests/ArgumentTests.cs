using SimdMlp.Cli.Commands;
using SimdMlp.Cli.Tests.Support;

namespace SimdMlp.Cli.Tests;

/// <summary>Every way a command line can be wrong ends in exit code 2 and one sentence naming the option.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public void No_command_is_bad_input() => CliRun.Of().FailsWithBadInput("No command", "--help");

    [Fact]
    public void Unknown_command_is_named() => CliRun.Of("fit").FailsWithBadInput("'fit'", "train");

    [Fact]
    public void Unknown_option_is_named() => CliRun.Of("train", "--data", "builtin", "--epoch", "3").FailsWithBadInput("--epoch");

    [Theory]
    [InlineData("--epochs", "abc")]
    [InlineData("--epochs", "0")]
    [InlineData("--batch", "-5")]
    [InlineData("--lr", "fast")]
    [InlineData("--lr", "0")]
    [InlineData("--lr", "NaN")]
    [InlineData("--layers", "256,,128")]
    [InlineData("--layers", "0")]
    [InlineData("--activation", "swish")]
    [InlineData("--optimizer", "lbfgs")]
    [InlineData("--schedule", "step")]
    [InlineData("--threads", "0")]
    [InlineData("--test-fraction", "1")]
    public void Bad_option_value_names_the_option_and_the_value(string option, string value) =>
        CliRun.Of("train", "--data", "builtin", option, value).FailsWithBadInput(option, $"'{value}'");

    [Fact]
    public void Missing_value_is_named() => CliRun.Of("train", "--data").FailsWithBadInput("--data", "needs a value");

    [Fact]
    public void Option_followed_by_another_option_has_no_value() =>
        CliRun.Of("train", "--out", "--data", "builtin").FailsWithBadInput("--out", "needs a value");

    [Fact]
    public void Required_option_is_named() => CliRun.Of("train", "--epochs", "1").FailsWithBadInput("--data", "required");

    [Fact]
    public void Repeated_option_is_named() =>
        CliRun.Of("train", "--data", "builtin", "--epochs", "1", "--epochs=2").FailsWithBadInput("--epochs", "more than once");

    [Fact]
    public void Stray_word_is_named() => CliRun.Of("eval", "model.smlp").FailsWithBadInput("'model.smlp'");

    [Fact]
    public void Flag_with_a_value_is_named() => CliRun.Of("train", "--data", "builtin", "--verbose=yes").FailsWithBadInput("--verbose");

    [Fact]
    public void Equals_form_takes_a_value()
    {
        // Parsed fine, then fails on the data path: the value reached the option.
        CliRun.Of("train", "--data=/no/such/data", "--epochs=1").FailsWithBadInput("/no/such/data");
    }

    [Fact]
    public void Main_help_lists_the_commands()
    {
        CliRun run = CliRun.Of("--help").Succeeds();
        foreach (string command in new[] { "train", "eval", "predict", "--version" }) Assert.Contains(command, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_help_lists_every_option_the_parser_accepts()
    {
        CliRun run = CliRun.Of("train", "--help").Succeeds();
        foreach (var option in TrainCommand.Options) Assert.Contains(option.Name, run.Out, StringComparison.Ordinal);
        run = CliRun.Of("predict", "-h").Succeeds();
        foreach (var option in PredictCommand.Options) Assert.Contains(option.Name, run.Out, StringComparison.Ordinal);
        run = CliRun.Of("help", "eval").Succeeds();
        foreach (var option in EvalCommand.Options) Assert.Contains(option.Name, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_names_the_active_simd_path()
    {
        CliRun run = CliRun.Of("--version").Succeeds();
        Assert.StartsWith("simdmlp ", run.Out, StringComparison.Ordinal);
        Assert.Contains($"SIMD path: {Kernels.SimdCapabilities.ActivePath}\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("JIT", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_takes_no_arguments() => CliRun.Of("--version", "extra").FailsWithBadInput("--version", "extra");
}
