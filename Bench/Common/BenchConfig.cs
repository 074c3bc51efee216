using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace SimdMlp.Bench.Common;

/// <summary>
/// The BenchmarkDotNet config every suite in this assembly runs with: the defaults, on <see cref="BenchToolchain"/>,
/// with parameter columns wide enough for the GEMM shape labels.
/// </summary>
/// <remarks>
/// BenchmarkDotNet takes a config's default job as the base job and then ignores <c>--job</c>, so
/// <c>--job NAME</c> is taken out of the arguments here and becomes that base job instead (with the toolchain).
/// Other job options (--iterationCount, --inProcess, ...) still apply on top of it as usual.
/// </remarks>
public static class BenchConfig
{
    /// <summary>BenchmarkDotNet's own --job names.</summary>
    private static readonly Dictionary<string, Job> s_jobs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = Job.Default,
        ["dry"] = Job.Dry,
        ["short"] = Job.ShortRun,
        ["medium"] = Job.MediumRun,
        ["long"] = Job.LongRun,
        ["verylong"] = Job.VeryLongRun,
    };

    /// <summary>The config, and the arguments left for BenchmarkDotNet's own parser.</summary>
    public static (IConfig Config, string[] Args) FromCommandLine(string[] args)
    {
        var job = Job.Default;
        var rest = new List<string>(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--job" or "-j" && i + 1 < args.Length && s_jobs.TryGetValue(args[i + 1], out var named))
            {
                job = named;
                i++;
            }
            else if (args[i].StartsWith("--job=", StringComparison.Ordinal) && s_jobs.TryGetValue(args[i][6..], out named))
            {
                job = named;
            }
            else
            {
                rest.Add(args[i]); // Unknown job names stay, so BenchmarkDotNet reports them.
            }
        }

        var config = DefaultConfig.Instance
            .AddJob(job.WithToolchain(BenchToolchain.Instance).AsDefault())
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40)); // Shape labels run to ~35 chars.
        return (config, [.. rest]);
    }
}
