using SimdMlp.Bench.Common;
using SimdMlp.Bench.Sgemm.Peers;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>Everything printed under the table so a reader can tell where and how it was measured.</summary>
public sealed record RunInfo(
    DateTime DateUtc, string Cpu, int Cores, string Simd, string Runtime, string OpenBlas, string MathNet, string Command,
    string Sampling)
{
    public static RunInfo Capture(string[] args, SamplingPlan plan, MathNetGemm mathNet) =>
        new(DateTime.UtcNow, MachineInfo.CpuModel(), MachineInfo.Cores, SimdCapabilities.Describe(), MachineInfo.Runtime(),
            OpenBlasGemm.Describe(), $"{typeof(MathNet.Numerics.Control).Assembly.GetName().Version} ({mathNet.Provider})",
            BenchCommand.For("gemm", args), plan.Describe());
}
