using SimdMlp.Bench.Common;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Mlp;

/// <summary>Everything printed under the table so a reader can tell where and how it was measured.</summary>
public sealed record MlpRunInfo(
    DateTime DateUtc, string Cpu, int Cores, string Simd, string Runtime, string Gc, string Command, string Sampling)
{
    public static MlpRunInfo Capture(string[] args, MlpBenchPlan plan)
    {
        string gc = $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, " +
            $"{System.Runtime.GCSettings.LatencyMode} latency mode";
        return new MlpRunInfo(DateTime.UtcNow, MachineInfo.CpuModel(), MachineInfo.Cores, SimdCapabilities.Describe(),
            MachineInfo.Runtime(), gc, BenchCommand.For("mlp", args), plan.Describe());
    }
}
