using SimdMlp.Bench.Common;
using SimdMlp.Bench.Sgemm.Table;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Mlp;

/// <summary>Everything printed under the table so a reader can tell where and how it was measured.</summary>
public sealed record MlpRunInfo(DateTime DateUtc, string Cpu, int Cores, string Simd, string Gc, string Command, string Sampling)
{
    public static MlpRunInfo Capture(string[] args, MlpBenchPlan plan)
    {
        string command = Environment.GetEnvironmentVariable(RunInfo.CommandVariable) is { Length: > 0 } fromScript
            ? fromScript
            : "dotnet run -c Release --project Bench -- mlp" + string.Concat(args.Select(a => " " + Quote(a)));
        string gc = $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, " +
            $"{System.Runtime.GCSettings.LatencyMode} latency mode";
        return new MlpRunInfo(DateTime.UtcNow, MachineInfo.CpuModel(), MachineInfo.Cores, SimdCapabilities.Describe(), gc,
            command, plan.Describe());
    }

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_=./,".Contains(c))
        ? arg
        : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
