using BenchmarkDotNet.Attributes;
using SimdMlp.Bench.Common;
using SimdMlp.Bench.Sgemm.Peers;

namespace SimdMlp.Bench.Sgemm;

/// <summary>
/// BenchmarkDotNet twin of the <c>gemm</c> quick table: every peer on every shape at 1 and 2 threads, with
/// OpenBLAS as the baseline (Ratio = time / OpenBLAS time, so lower is better for the others).
/// The full grid is long (naive and Math.NET at 1024³ take seconds per call); narrow it, e.g.
/// <c>--filter '*GemmBench.SimdMlpSgemm*' --job short</c>, or on parameters:
/// <c>--filter '*GemmBench*Threads: 1, Shape: fwd1 B=64*'</c>.
/// Method names avoid the root namespaces (SimdMlp, MathNet): BenchmarkDotNet's generated host derives from
/// this class, so a method named SimdMlp would shadow the namespace in its code.
/// </summary>
[MemoryDiagnoser]
[GflopsColumn]
public class GemmBench
{
    private readonly SimdMlpGemm _simdMlp = new();
    private readonly OpenBlasGemm _openBlas = new();
    private readonly MathNetGemm _mathNet = new();
    private readonly NaiveGemm _naive = new();
    private GemmProblem _problem = null!;
    private float[] _c = [];

    public static IEnumerable<GemmShape> Shapes => GemmShapes.All;

    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = GemmShapes.All[0];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _problem = GemmProblem.Create(Shape);
        _c = _problem.NewC();
        foreach (IGemmPeer peer in (IGemmPeer[])[_simdMlp, _openBlas, _mathNet, _naive])
        {
            if (peer.IsAvailable) peer.SetThreads(Threads);
        }
    }

    [Benchmark]
    public void SimdMlpSgemm() => _simdMlp.Multiply(_problem, _c);

    /// <summary>Fails (only this case) when libopenblas.so.0 is not installed.</summary>
    [Benchmark(Baseline = true)]
    public void OpenBlasSgemm()
    {
        if (!_openBlas.IsAvailable) throw new InvalidOperationException(OpenBlasGemm.Describe());
        _openBlas.Multiply(_problem, _c);
    }

    [Benchmark]
    public void MathNetManaged() => _mathNet.Multiply(_problem, _c);

    [Benchmark]
    public void NaiveLoop() => _naive.Multiply(_problem, _c);
}
