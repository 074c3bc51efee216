using SimdMlp.Bench.Common;
using SimdMlp.Bench.Sgemm.Peers;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>Everything printed under the table so a reader can tell where and how it was measured.</summary>
public sealed record RunInfo(
    DateTime DateUtc, string Cpu, int Cores, string Simd, string OpenBlas, string MathNet, string Command, string Sampling)
{
    /// <summary>bench.sh sets this to its own command line, which is what a reader should re-run.</summary>
    public const string CommandVariable = "SIMDMLP_BENCH_COMMAND";

    public static RunInfo Capture(string[] args, SamplingPlan plan, MathNetGemm mathNet)
    {
        string command = Environment.GetEnvironmentVariable(CommandVariable) is { Length: > 0 } fromScript
            ? fromScript
            : "dotnet run -c Release --project Bench -- gemm" + string.Concat(args.Select(a => " " + Quote(a)));
        return new RunInfo(DateTime.UtcNow, MachineInfo.CpuModel(), MachineInfo.Cores, SimdCapabilities.Describe(),
            OpenBlasGemm.Describe(), $"{typeof(MathNet.Numerics.Control).Assembly.GetName().Version} ({mathNet.Provider})",
            command, plan.Describe());
    }

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_=./,".Contains(c))
        ? arg
        : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
