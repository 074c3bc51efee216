using BenchmarkDotNet.Attributes;
using SimdMlp.Bench.Common;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm;

/// <summary>
/// SimdMlp's GEMM with each kernel family forced (internal <see cref="GemmDriver"/>), single-threaded, on a
/// representative subset of shapes: what each family is worth on this machine. Only families this CPU
/// accelerates are listed. No peers here: compare with <see cref="GemmBench"/> or the <c>gemm</c> table.
/// </summary>
[MemoryDiagnoser]
[GflopsColumn]
public class GemmFamilyBench
{
    private GemmProblem _problem = null!;
    private float[] _c = [];

    public static IEnumerable<SimdPath> Families =>
        Enum.GetValues<SimdPath>().Where(SimdCapabilities.IsAccelerated);

    public static IEnumerable<GemmShape> Shapes => GemmShapes.Representative;

    [ParamsSource(nameof(Families))]
    public SimdPath Family { get; set; }

    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = GemmShapes.Representative[0];

    [GlobalSetup]
    public void Setup()
    {
        _problem = GemmProblem.Create(Shape);
        _c = _problem.NewC();
    }

    [Benchmark]
    public void Driver()
    {
        var s = Shape;
        GemmDriver.Run(Family, s.TransA, s.TransB, s.M, s.N, s.K, 1f, _problem.A, s.ACols, _problem.B, s.BCols, 0f,
            _c, s.N, maxDegreeOfParallelism: 1);
    }
}
