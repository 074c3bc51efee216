namespace SimdMlp.Bench.Common;

/// <summary>The command a reader should re-run, printed under every quick-mode table.</summary>
public static class BenchCommand
{
    /// <summary>bench.sh and bench-aot.sh set this to their own command line, which is what a reader should re-run.</summary>
    public const string Variable = "SIMDMLP_BENCH_COMMAND";

    /// <summary>
    /// The script's command line when a script set <see cref="Variable"/>; otherwise <c>dotnet run</c> on the JIT build,
    /// or this executable's path under Native AOT.
    /// </summary>
    public static string For(string mode, string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromScript) return fromScript;
        string host = MachineInfo.IsNativeAot
            ? Quote(Environment.ProcessPath ?? "SimdMlp.Bench")
            : "dotnet run -c Release --project Bench --";
        return $"{host} {mode}" + string.Concat(args.Select(a => " " + Quote(a)));
    }

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_=./,".Contains(c))
        ? arg
        : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
