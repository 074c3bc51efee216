#if !BENCH_AOT
using BenchmarkDotNet.Running;
using SimdMlp.Bench.Common;
#endif
using SimdMlp.Bench.Sgemm.Table;

namespace SimdMlp.Bench;

/// <summary>
/// Entry point. The first argument may name a quick console mode (a Stopwatch harness that prints one table);
/// anything else goes to BenchmarkDotNet, which finds every benchmark class in this assembly, so files added
/// under Bench/ are picked up without touching this one. The Native AOT build (<c>-p:BenchAot=true</c>) has the
/// quick modes only.
/// </summary>
public static class Program
{
    /// <summary>Quick modes by name. Adding a mode is one line here.</summary>
    private static readonly Dictionary<string, Func<string[], int>> s_quickModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gemm"] = GemmTable.Run,
        ["mlp"] = Mlp.MlpTable.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length > 0 && s_quickModes.TryGetValue(args[0], out var mode)) return mode(args[1..]);

#if BENCH_AOT
        Console.Error.WriteLine($"usage: {Path.GetFileName(Environment.ProcessPath)} {string.Join('|', s_quickModes.Keys)} [options] (--help for a mode's options)");
        Console.Error.WriteLine("This is the Native AOT build: it has the quick Stopwatch modes only. The BenchmarkDotNet suites run on the JIT:");
        Console.Error.WriteLine("  dotnet run -c Release --project Bench -- --filter '*'");
        return 2;
#else
        var (config, benchmarkArgs) = BenchConfig.FromCommandLine(args);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
#endif
    }
}
