using System.Diagnostics;

namespace SimdMlp.Cli.Tests;

/// <summary>The built program as a real process: a bad input prints one line and no stack trace, unless --verbose.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Bad_input_prints_one_line_without_a_stack_trace_unless_verbose()
    {
        (int code, string stderr) = Run("eval", "--model", "/no/such/model.smlp", "--data", "builtin");
        Assert.Equal(2, code);
        Assert.Equal("simdmlp: The model file /no/such/model.smlp does not exist.", stderr.TrimEnd());

        (code, stderr) = Run("eval", "--model", "/no/such/model.smlp", "--data", "builtin", "--verbose");
        Assert.Equal(2, code);
        Assert.Contains("   at ", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Error) Run(params string[] args)
    {
        // The referenced CLI's dll and runtimeconfig are copied next to the tests.
        string dll = Path.Combine(AppContext.BaseDirectory, "SimdMlp.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr);
    }
}
