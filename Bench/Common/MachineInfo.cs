using System.Runtime.InteropServices;

namespace SimdMlp.Bench.Common;

/// <summary>What a reader needs to reproduce or compare a benchmark table: CPU, cores and runtime.</summary>
public static class MachineInfo
{
    /// <summary>CPU model from /proc/cpuinfo (with family/model, since VMs often report only a brand name).</summary>
    public static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();

        string? name = null, family = null, model = null;
        foreach (string line in File.ReadLines(CpuInfo))
        {
            if (line.Length == 0) break; // Only the first processor block.
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            string key = line[..colon].Trim(), value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "model name": name = value; break;
                case "cpu family": family = value; break;
                case "model": model = value; break;
            }
        }

        string id = family is null ? "" : $" (family {family}, model {model})";
        return (name ?? "unknown") + id;
    }

    /// <summary>Logical processors this process may use.</summary>
    public static int Cores => Environment.ProcessorCount;
}
