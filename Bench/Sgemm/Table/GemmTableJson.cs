using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SimdMlp.Bench.Sgemm.Peers;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>The same rows as the markdown table, as snake_case JSON for scripts and CI comparisons.</summary>
public static class GemmTableJson
{
    public static void Write(string path, IReadOnlyList<GemmRow> rows, GemmSummary summary, RunInfo info, double elapsedSeconds)
    {
        string simd = SimdMlpGemm.PeerName, blas = OpenBlasGemm.PeerName, mathNet = MathNetGemm.PeerName, naive = NaiveGemm.PeerName;
        var jsonRows = new List<JsonRow>(rows.Count);
        foreach (var r in rows)
        {
            var s = r.Shape;
            jsonRows.Add(new JsonRow(s.ToString(), s.Role, s.Batch, s.M, s.N, s.K, s.TransA.ToString(), s.TransB.ToString(),
                r.Threads, r[simd].Gflops, r[blas].Gflops, r.Ratio(simd, blas), r[mathNet].Gflops, r.Ratio(simd, mathNet),
                r[naive].Gflops, r.Ratio(simd, naive), r[simd].BytesPerCall, r[mathNet].BytesPerCall, r.Peers));
        }

        var checks = summary.Checks.Select(c => new JsonCheck(c.Peer, c.MaxRelDiff, c.Worst)).ToList();
        var report = new JsonReport(info.DateUtc.ToString("O"), info.Cpu, info.Cores, info.Simd, info.Runtime, info.OpenBlas, info.MathNet,
            info.Command, info.Sampling, elapsedSeconds, summary.GeomeanVsOpenBlasMlp1T, summary.Scaling1024SimdMlp,
            summary.Scaling1024OpenBlas, checks, jsonRows);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(report, s_context.JsonReport));
    }

    /// <summary>
    /// snake_case keys; non-finite numbers allowed because a broken kernel can produce an infinite diff;
    /// ³ · ᵀ left unescaped so the shape labels stay readable.
    /// </summary>
    private static readonly GemmJsonContext s_context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

internal sealed record JsonReport(
    string DateUtc, string Cpu, int Cores, string Simd, string Runtime, string Openblas, string Mathnet, string Command, string Sampling,
    double ElapsedSeconds,
    [property: JsonPropertyName("geomean_simdmlp_vs_openblas_mlp_1t")] double? GeomeanVsOpenBlas,
    [property: JsonPropertyName("scaling_2t_over_1t_1024_simdmlp")] double? ScalingSimdMlp,
    [property: JsonPropertyName("scaling_2t_over_1t_1024_openblas")] double? ScalingOpenBlas,
    IReadOnlyList<JsonCheck> MaxRelDiffVsNaive, IReadOnlyList<JsonRow> Rows);

internal sealed record JsonCheck(string Peer, double MaxRelDiff, string WorstRow);

internal sealed record JsonRow(
    string Shape, string Role, int Batch, int M, int N, int K, string TransA, string TransB, int Threads,
    double? SimdmlpGflops, double? OpenblasGflops, double? SimdmlpVsOpenblas, double? MathnetGflops, double? SimdmlpVsMathnet,
    double? NaiveGflops, double? SimdmlpVsNaive, long? SimdmlpBytesPerCall, long? MathnetBytesPerCall,
    IReadOnlyList<PeerResult> Peers);

/// <summary>Source-generated serializer (options are set where it is constructed).</summary>
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class GemmJsonContext : JsonSerializerContext;
