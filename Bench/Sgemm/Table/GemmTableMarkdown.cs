using System.Globalization;
using System.Text;
using SimdMlp.Bench.Sgemm.Peers;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>Renders the rows as one markdown table (cells padded so the raw text reads too), with the run info under it.</summary>
public static class GemmTableMarkdown
{
    private const string NotAvailable = "n/a";

    public static string Render(IReadOnlyList<GemmRow> rows, GemmSummary summary, RunInfo info)
    {
        string simd = SimdMlpGemm.PeerName, blas = OpenBlasGemm.PeerName, mathNet = MathNetGemm.PeerName, naive = NaiveGemm.PeerName;
        string[] header =
        [
            "shape", "threads", $"{simd} GFLOP/s", $"{blas} GFLOP/s", $"{simd}/{blas}", $"{mathNet} GFLOP/s",
            $"{simd}/{mathNet}", $"{naive} GFLOP/s", $"{simd}/{naive}", $"{simd} B/call", $"{mathNet} B/call",
        ];
        var cells = new List<string[]> { header };
        foreach (var row in rows)
        {
            bool mismatch = row.Peers.Any(p => p.MaxRelDiff > OutputCheck.Tolerance || p.MaxRelDiff is double.NaN);
            cells.Add(
            [
                row.Shape + (mismatch ? " ⚠ mismatch" : ""), row.Threads.ToString(CultureInfo.InvariantCulture),
                Gflops(row[simd].Gflops), Gflops(row[blas].Gflops), Ratio(row.Ratio(simd, blas)),
                Gflops(row[mathNet].Gflops), Ratio(row.Ratio(simd, mathNet)),
                Gflops(row[naive].Gflops), Ratio(row.Ratio(simd, naive)),
                Bytes(row[simd].BytesPerCall), Bytes(row[mathNet].BytesPerCall),
            ]);
        }

        var text = new StringBuilder();
        AppendTable(text, cells);
        AppendFooter(text, summary, info);
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, List<string[]> cells)
    {
        int columns = cells[0].Length;
        var widths = new int[columns];
        foreach (var line in cells)
        {
            for (int c = 0; c < columns; c++) widths[c] = Math.Max(widths[c], line[c].Length);
        }

        for (int r = 0; r < cells.Count; r++)
        {
            text.Append('|');
            // The first column is text (left-aligned); the rest are numbers (right-aligned).
            for (int c = 0; c < columns; c++)
                text.Append(' ').Append(c == 0 ? cells[r][c].PadRight(widths[c]) : cells[r][c].PadLeft(widths[c])).Append(" |");
            text.AppendLine();
            if (r != 0) continue;
            text.Append('|');
            for (int c = 0; c < columns; c++)
                text.Append(c == 0 ? ":" + new string('-', widths[c] + 1) : new string('-', widths[c] + 1) + ":").Append('|');
            text.AppendLine();
        }
    }

    private static void AppendFooter(StringBuilder text, GemmSummary summary, RunInfo info)
    {
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine(inv, $"- Geometric mean of SimdMlp/OpenBLAS over the {summary.MlpRows1T} MLP shapes at 1 thread: {Ratio(summary.GeomeanVsOpenBlasMlp1T)}");
        text.AppendLine(inv, $"- 1024³ scaling, 2 threads / 1 thread: SimdMlp {Ratio(summary.Scaling1024SimdMlp)}, OpenBLAS {Ratio(summary.Scaling1024OpenBlas)}");
        text.Append("- Correctness (max |C − C_naive| / max |C_naive|, worst row):");
        foreach (var (peer, diff, worst) in summary.Checks)
        {
            string where = diff == 0 ? "identical on every row" : worst;
            string flag = diff > OutputCheck.Tolerance ? " ⚠ ABOVE " + OutputCheck.Tolerance.ToString("0e+0", inv) : "";
            text.Append(inv, $" {peer} {diff:0.0e+0} ({where}){flag};");
        }
        text.AppendLine();
        text.AppendLine(inv, $"- Date (UTC): {info.DateUtc:yyyy-MM-dd HH:mm:ss}");
        text.AppendLine(inv, $"- CPU: {info.Cpu}, {info.Cores} logical cores");
        text.AppendLine(inv, $"- SimdMlp: {info.Simd}; {info.Runtime}");
        text.AppendLine(inv, $"- OpenBLAS: {info.OpenBlas}");
        text.AppendLine(inv, $"- Math.NET Numerics: {info.MathNet}");
        text.AppendLine(inv, $"- Sampling: {info.Sampling}. GFLOP/s = 2·M·N·K / median time per call. Ratios > 1: SimdMlp faster.");
        text.AppendLine("- B/call: managed bytes one warmed-up call allocates, min of 3 calls (1 for calls > the slow limit): GC.GetAllocatedBytesForCurrentThread at 1 thread, GC.GetTotalAllocatedBytes(precise) at 2 threads so pool-thread allocations count.");
        text.AppendLine("- Peers: OpenBLAS cblas_sgemm via P/Invoke, openblas_set_num_threads = row threads (after a 2-thread OpenBLAS sample the harness sleeps 150 ms: its spinning workers would steal a core); Math.NET managed provider MatrixMultiplyWithUpdate on the same arrays (row-major C = op(A)·op(B) as column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, no copies), Control.MaxDegreeOfParallelism = row threads; naive = i-p-j triple loop, at 2 threads the larger of M, N split in two. All: alpha = 1, beta = 0, dense strides.");
        text.AppendLine(inv, $"- Command: `{info.Command}`");
    }

    private static string Gflops(double? g) => g switch
    {
        null => NotAvailable,
        >= 100 => g.Value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => g.Value.ToString("F1", CultureInfo.InvariantCulture),
        _ => g.Value.ToString("F2", CultureInfo.InvariantCulture),
    };

    private static string Ratio(double? r) => r switch
    {
        null => NotAvailable,
        >= 10 => r.Value.ToString("F1", CultureInfo.InvariantCulture) + "×",
        >= 0.1 => r.Value.ToString("F2", CultureInfo.InvariantCulture) + "×",
        _ => r.Value.ToString("F3", CultureInfo.InvariantCulture) + "×",
    };

    private static string Bytes(long? b) => b?.ToString(CultureInfo.InvariantCulture) ?? NotAvailable;
}
