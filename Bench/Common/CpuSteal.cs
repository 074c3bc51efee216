using System.Globalization;

namespace SimdMlp.Bench.Common;

/// <summary>
/// CPU time the hypervisor gave this VM's vCPUs to someone else (the "steal" column of /proc/stat). On a shared host a
/// two-thread figure means little when one vCPU was not running: this puts that beside the figure.
/// </summary>
public readonly record struct CpuSteal(long StealTicks, long TotalTicks)
{
    /// <summary>The counters now, or null off Linux (or when /proc/stat has no steal column).</summary>
    public static CpuSteal? Read()
    {
        const string Path = "/proc/stat";
        if (!File.Exists(Path)) return null;
        using var reader = new StreamReader(Path);
        string? line = reader.ReadLine(); // "cpu  user nice system idle iowait irq softirq steal ..."
        if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal)) return null;
        string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9) return null;
        long total = 0;
        for (int i = 1; i < Math.Min(fields.Length, 9); i++) total += long.Parse(fields[i], CultureInfo.InvariantCulture);
        return new CpuSteal(long.Parse(fields[8], CultureInfo.InvariantCulture), total);
    }

    /// <summary>"steal 0.4 % of CPU time" between two readings, or "steal n/a".</summary>
    public static string Describe(CpuSteal? start, CpuSteal? end)
    {
        if (start is not { } a || end is not { } b || b.TotalTicks <= a.TotalTicks) return "CPU steal n/a";
        double percent = 100.0 * (b.StealTicks - a.StealTicks) / (b.TotalTicks - a.TotalTicks);
        return string.Create(CultureInfo.InvariantCulture, $"CPU steal {percent:F1} % of CPU time during the run");
    }
}
