using SimdMlp.Bench.Common;
using SimdMlp.Bench.Sgemm.Peers;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>The headline numbers under the table, computed once for both the markdown and the JSON.</summary>
public sealed record GemmSummary(
    double? GeomeanVsOpenBlasMlp1T, int MlpRows1T, double? Scaling1024SimdMlp, double? Scaling1024OpenBlas,
    IReadOnlyList<(string Peer, double MaxRelDiff, string Worst)> Checks)
{
    public bool AllOutputsMatch => Checks.All(c => c.MaxRelDiff <= OutputCheck.Tolerance);

    public static GemmSummary From(IReadOnlyList<GemmRow> rows)
    {
        var ratios = new List<double>();
        foreach (var row in rows)
        {
            if (row.Shape.IsMlp && row.Threads == 1 && row.Ratio(SimdMlpGemm.PeerName, OpenBlasGemm.PeerName) is double r)
                ratios.Add(r);
        }

        return new GemmSummary(Stats.GeometricMean(ratios), ratios.Count,
            Scaling(rows, SimdMlpGemm.PeerName), Scaling(rows, OpenBlasGemm.PeerName), WorstDiffs(rows));
    }

    /// <summary>GFLOP/s at 2 threads over GFLOP/s at 1 thread, on 1024³.</summary>
    private static double? Scaling(IReadOnlyList<GemmRow> rows, string peer)
    {
        double? one = null, two = null;
        foreach (var row in rows)
        {
            if (row.Shape.Role != "1024³") continue;
            if (row.Threads == 1) one = row[peer].Gflops;
            if (row.Threads == 2) two = row[peer].Gflops;
        }

        return one > 0 && two is not null ? two / one : null;
    }

    /// <summary>Each checked peer's largest max-rel-diff against the reference, and the row it came from.</summary>
    private static List<(string, double, string)> WorstDiffs(IReadOnlyList<GemmRow> rows)
    {
        var worst = new List<(string Peer, double Diff, string Row)>();
        if (rows.Count == 0) return worst;
        foreach (var peer in rows[0].Peers)
        {
            if (peer.Peer == NaiveGemm.PeerName) continue; // The reference itself.
            double max = -1;
            string where = "";
            foreach (var row in rows)
            {
                if (row[peer.Peer].MaxRelDiff is double d && (d > max || double.IsNaN(d)))
                    (max, where) = (d, $"{row.Shape} t={row.Threads}");
            }

            if (max >= 0) worst.Add((peer.Peer, max, where));
        }

        return worst;
    }
}
