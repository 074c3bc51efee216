using System.Diagnostics;

namespace SimdMlp.Bench.Mlp;

/// <summary>
/// The <c>mlp</c> quick mode: a Stopwatch harness (no BenchmarkDotNet) measuring the allocation-free MLP the way issue
/// "The allocation-free MLP" asks — training-step time at batch 64 and 256 on 1 and 2 threads, bytes allocated per
/// step, one-sample predict latency percentiles and bytes per predict, and optionally a Fashion-MNIST training run —
/// printed as one markdown table. Progress goes to stderr so stdout is only the table.
/// </summary>
public static class MlpTable
{
    private static readonly (int Batch, int Threads)[] s_cases = [(64, 1), (64, 2), (256, 1), (256, 2)];

    public static int Run(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(MlpBenchOptions.Usage);
            return 0;
        }

        var options = MlpBenchOptions.Parse(args, out string? error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(MlpBenchOptions.Usage);
            return 2;
        }

        string loadBefore = LoadAverage();
        var stealBefore = Common.CpuSteal.Read();
        var clock = Stopwatch.StartNew();
        void Progress(string line) => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1} s] {line}");

        var cases = s_cases.Select(c => new StepCase(c.Batch, c.Threads)).ToList();
        var sampler = new StepSampler(options.Plan);
        var steps = sampler.Measure(cases, Progress);
        Progress("training steps measured; timing predict");
        var predict = PredictSampler.Measure(options.Plan);

        FashionResult? fashion = null;
        string? skipped = null;
        if (options.Fashion)
        {
            if (FashionRun.IsAvailable)
            {
                fashion = FashionRun.Run(options.FashionSettings, options.Plan, Progress);
            }
            else
            {
                skipped = FashionRun.InstallHint;
                Console.Error.WriteLine(skipped);
            }
        }

        string load = $"{loadBefore} at start, {LoadAverage()} at end; {Common.CpuSteal.Describe(stealBefore, Common.CpuSteal.Read())}";
        var report = new MlpReport(steps, sampler.Times, predict, fashion, options.Fashion, skipped,
            MlpRunInfo.Capture(args, options.Plan), load);
        Console.Write(MlpTableMarkdown.Render(report)); // Ends with a newline already.
        Console.WriteLine($"- Run time: {clock.Elapsed.TotalSeconds:F0} s");
        if (options.JsonPath is not null)
        {
            MlpTableJson.Write(options.JsonPath, report, clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"wrote {options.JsonPath}");
        }

        if (report.LossesFinite) return 0;
        Console.Error.WriteLine("error: a training step returned a non-finite loss");
        return 1;
    }

    /// <summary>The 1, 5 and 15 minute load averages, or "n/a" off Linux.</summary>
    private static string LoadAverage()
    {
        const string Path = "/proc/loadavg";
        if (!File.Exists(Path)) return "n/a";
        string[] parts = File.ReadAllText(Path).Split(' ');
        return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "n/a";
    }
}
