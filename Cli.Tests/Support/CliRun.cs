namespace SimdMlp.Cli.Tests.Support;

/// <summary>One in-process run of the command line: its exit code and what it wrote to each stream.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts the bad-input contract: exit code 2, one line on stderr mentioning every given text.</summary>
    public CliRun FailsWithBadInput(params string[] mentions)
    {
        Assert.True(ExitCode == 2, $"exit code {ExitCode}, stderr: {Error}");
        string[] lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{Error}");
        Assert.StartsWith("simdmlp: ", lines[0], StringComparison.Ordinal);
        foreach (string text in mentions) Assert.Contains(text, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
        return this;
    }

    public CliRun Succeeds()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}, stderr: {Error}");
        Assert.Equal("", Error);
        return this;
    }
}
