using BenchmarkDotNet.Attributes;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Optimizers;

/// <summary>
/// One optimizer step over a flat parameter slab of 4 Ki (L1), 64 Ki (L2) and 1 Mi (memory) floats. The baselines
/// are the plain scalar loops of llm.c's <c>gpt2_update</c> style, with the same formulas.
/// </summary>
[MemoryDiagnoser]
public class OptimizerBench
{
    private float[] _weights = [];
    private float[] _gradients = [];
    private float[] _first = [];
    private float[] _second = [];
    private int _step = 1;

    [Params(4 * 1024, 64 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _weights = new float[Size];
        _gradients = new float[Size];
        for (int k = 0; k < Size; k++)
        {
            _weights[k] = (float)(random.NextDouble() * 2 - 1);
            _gradients[k] = (float)(random.NextDouble() * 2e-2 - 1e-2);
        }

        _first = new float[Size];
        _second = new float[Size];
    }

    [Benchmark(Baseline = true)]
    public void AdamWScalarLoop()
    {
        // llm.c's gpt2_update: one scalar loop, bias corrections per call.
        const float Lr = 1e-3f, Beta1 = 0.9f, Beta2 = 0.999f, Eps = 1e-8f, Decay = 0.01f;
        int t = ++_step;
        float correction1 = 1 - MathF.Pow(Beta1, t), correction2 = 1 - MathF.Pow(Beta2, t);
        for (int i = 0; i < _weights.Length; i++)
        {
            float g = _gradients[i];
            float m = _first[i] = Beta1 * _first[i] + (1 - Beta1) * g;
            float v = _second[i] = Beta2 * _second[i] + (1 - Beta2) * g * g;
            _weights[i] -= Lr * (m / correction1 / (MathF.Sqrt(v / correction2) + Eps) + Decay * _weights[i]);
        }
    }

    [Benchmark]
    public void AdamW() => new AdamW(1e-3).Step(_weights, _gradients, _first, _second, ++_step);

    [Benchmark]
    public void Adam() => new Adam(1e-3, weightDecay: 1e-4).Step(_weights, _gradients, _first, _second, ++_step);

    [Benchmark]
    public void SgdMomentum() => new Sgd(1e-2, momentum: 0.9).Step(_weights, _gradients, _first, ++_step);

    [Benchmark]
    public void Sgd() => new Sgd(1e-2).Step(_weights, _gradients);
}
