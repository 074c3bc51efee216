using System.Reflection;
using System.Runtime.CompilerServices;
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

    /// <summary>True in the Native AOT build (<c>-p:BenchAot=true</c>): no JIT, code compiled ahead of time.</summary>
    public static bool IsNativeAot => !RuntimeFeature.IsDynamicCodeCompiled;

    /// <summary>
    /// How the code was compiled, since the same source can differ between the two: the JIT with tiered compilation and
    /// dynamic PGO (the default; <c>DOTNET_TieredPGO=0</c> turns PGO off), or Native AOT for the instruction set the
    /// build targeted (which caps the SIMD path: x86-64-v3 has no AVX-512).
    /// </summary>
    public static string Runtime()
    {
        if (!IsNativeAot)
        {
            bool pgo = Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is not "0" &&
                AppContext.GetData("System.Runtime.TieredPGO") is not (false or "false");
            return pgo ? "JIT (tiered compilation, dynamic PGO)" : "JIT (tiered compilation, no PGO)";
        }

        string? set = typeof(MachineInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "IlcInstructionSet")?.Value;
        return $"Native AOT (instruction set {(string.IsNullOrEmpty(set) ? "SDK default" : set)})";
    }
}
