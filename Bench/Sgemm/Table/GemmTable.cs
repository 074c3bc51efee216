using System.Diagnostics;
using SimdMlp.Bench.Sgemm.Peers;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>
/// The <c>gemm</c> quick mode: a Stopwatch harness (no BenchmarkDotNet) comparing SimdMlp with OpenBLAS, Math.NET
/// (managed) and a naive loop on the GemmShapes, at 1 and 2 threads, printed as one markdown table.
/// Progress goes to stderr so stdout is only the table.
/// </summary>
public static class GemmTable
{
    public static int Run(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(GemmTableOptions.Usage);
            return 0;
        }

        var options = GemmTableOptions.Parse(args, out string? error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(GemmTableOptions.Usage);
            return 2;
        }

        var mathNet = new MathNetGemm();
        IGemmPeer[] peers = [new SimdMlpGemm(), new OpenBlasGemm(), mathNet, new NaiveGemm()];
        int reference = Array.FindIndex(peers, p => p is NaiveGemm);
        var shapes = GemmShapes.All
            .Where(s => options.Filter is null || s.ToString().Contains(options.Filter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (shapes.Count == 0)
        {
            Console.Error.WriteLine($"no shape matches '{options.Filter}'");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        TieringWarmup.Run(peers, options.Plan.TieringWarmup);
        var sampler = new InterleavedSampler(options.Plan);
        var rows = new List<GemmRow>();
        foreach (var shape in shapes)
        {
            var problem = GemmProblem.Create(shape);
            foreach (int threads in GemmShapes.Threads)
            {
                Console.Error.WriteLine($"[{rows.Count + 1}/{shapes.Count * GemmShapes.Threads.Length}] {shape} threads={threads} ({clock.Elapsed.TotalSeconds:F0} s)");
                rows.Add(new GemmRow(shape, threads, sampler.Measure(problem, threads, peers, reference)));
            }
        }

        var summary = GemmSummary.From(rows);
        var info = RunInfo.Capture(args, options.Plan, mathNet);
        Console.Write(GemmTableMarkdown.Render(rows, summary, info)); // Ends with a newline already.
        Console.WriteLine($"- Run time: {clock.Elapsed.TotalSeconds:F0} s");
        if (options.JsonPath is not null)
        {
            GemmTableJson.Write(options.JsonPath, rows, summary, info, clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"wrote {options.JsonPath}");
        }

        if (summary.AllOutputsMatch) return 0;
        Console.Error.WriteLine("error: some outputs differ from the naive reference beyond tolerance (rows marked ⚠)");
        return 1;
    }
}
