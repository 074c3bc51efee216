using BenchmarkDotNet.Attributes;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Elementwise;

/// <summary>
/// Issue 3's fused-forward target: a dense layer's forward step Z = X·W + b, A = ReLU(Z) at the batch-64 MLP shapes,
/// one thread. Baseline is the bare product (<see cref="Gemm.Sgemm"/>); the fused call
/// (<see cref="Gemm.SgemmBiasActivation(Transpose, Transpose, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, ActivationFunction, Span{float}, int, Span{float}, int)"/>)
/// must cost at most 5 % more (Ratio ≤ 1.05). The unfused product followed by a separate bias + ReLU pass
/// (<see cref="Activation.ForwardWithBias{TAct}(TAct, ReadOnlySpan{float}, Span{float})"/>) is there for reference:
/// it shows what the epilogue saves.
/// </summary>
[MemoryDiagnoser]
public class FusedForwardLayerBench
{
    /// <summary>[m, k]·[k, n] of the 784-256-128-10 MLP at batch 64.</summary>
    public static IEnumerable<string> Shapes => ["64x784x256", "64x256x128", "64x128x10"];

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "64x784x256";

    private int _m, _k, _n;
    private float[] _x = [], _w = [], _bias = [], _c = [];

    [GlobalSetup]
    public void Setup()
    {
        int[] dims = [.. Shape.Split('x').Select(int.Parse)];
        (_m, _k, _n) = (dims[0], dims[1], dims[2]);
        var random = new Random(42);
        _x = Fill(_m * _k, () => (float)random.NextDouble()); // non-negative, like a previous ReLU layer's output
        _w = Fill(_k * _n, () => (float)(random.NextDouble() * 2 - 1) * 0.1f);
        _bias = Fill(_n, () => (float)(random.NextDouble() * 2 - 1) * 0.1f);
        _c = new float[_m * _n];
    }

    [Benchmark(Baseline = true)]
    public void BareSgemm() =>
        Gemm.Sgemm(Transpose.No, Transpose.No, _m, _n, _k, 1f, _x, _k, _w, _n, 0f, _c, _n);

    [Benchmark]
    public void FusedSgemmBiasRelu() =>
        Gemm.SgemmBiasActivation(Transpose.No, Transpose.No, _m, _n, _k, _x, _k, _w, _n, _bias,
            ActivationKind.Relu, _c, _n);

    [Benchmark]
    public void UnfusedSgemmThenBiasRelu()
    {
        Gemm.Sgemm(Transpose.No, Transpose.No, _m, _n, _k, 1f, _x, _k, _w, _n, 0f, _c, _n);
        Activation.ForwardWithBias(default(ReluOperator), _bias, _c);
    }

    private static float[] Fill(int n, Func<float> next)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++) values[i] = next();
        return values;
    }
}
