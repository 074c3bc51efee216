using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Losses;

// The fused loss kernels (loss + Ŷ + dZ in one call) against the same result composed from TensorPrimitives passes,
// which is what a caller without them would write. Shapes are MLP heads: [batch, n] with batch 256.

/// <summary>Softmax + cross-entropy with class-index labels: 10 classes (MNIST), 37 (odd), 1000 (ImageNet-sized).</summary>
[MemoryDiagnoser]
public class SoftmaxCrossEntropyBench
{
    private const int Batch = 256;
    private float[] _logits = [];
    private float[] _probabilities = [];
    private float[] _dLogits = [];
    private int[] _labels = [];

    [Params(10, 37, 1000)]
    public int Classes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _logits = new float[Batch * Classes];
        for (int k = 0; k < _logits.Length; k++) _logits[k] = (float)(random.NextDouble() * 8 - 4);
        _labels = new int[Batch];
        for (int i = 0; i < Batch; i++) _labels[i] = random.Next(Classes);
        _probabilities = new float[_logits.Length];
        _dLogits = new float[_logits.Length];
    }

    [Benchmark(Baseline = true)]
    public float TensorPrimitivesComposed()
    {
        float loss = 0, inverseBatch = 1f / Batch;
        for (int i = 0; i < Batch; i++)
        {
            var z = _logits.AsSpan(i * Classes, Classes);
            var p = _probabilities.AsSpan(i * Classes, Classes);
            var dz = _dLogits.AsSpan(i * Classes, Classes);
            TensorPrimitives.SoftMax(z, p);
            loss -= MathF.Log(p[_labels[i]]);
            TensorPrimitives.Multiply(p, inverseBatch, dz);
            dz[_labels[i]] -= inverseBatch;
        }

        return loss * inverseBatch;
    }

    [Benchmark]
    public float Fused() => Kernels.Losses.SoftmaxCrossEntropy(_logits, _labels, _probabilities, _dLogits);

    [Benchmark]
    public float FusedWithoutProbabilities() => Kernels.Losses.SoftmaxCrossEntropy(_logits, _labels, _dLogits);
}

/// <summary>Sigmoid + binary cross-entropy over [256, n] logits.</summary>
[MemoryDiagnoser]
public class SigmoidBinaryCrossEntropyBench
{
    private const int Batch = 256;
    private float[] _logits = [];
    private float[] _targets = [];
    private float[] _probabilities = [];
    private float[] _dLogits = [];
    private float[] _t1 = [];
    private float[] _t2 = [];

    [Params(1, 16, 256)]
    public int Outputs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        int length = Batch * Outputs;
        _logits = new float[length];
        _targets = new float[length];
        for (int k = 0; k < length; k++)
        {
            _logits[k] = (float)(random.NextDouble() * 16 - 8);
            _targets[k] = random.Next(2);
        }

        _probabilities = new float[length];
        _dLogits = new float[length];
        _t1 = new float[length];
        _t2 = new float[length];
    }

    [Benchmark(Baseline = true)]
    public float TensorPrimitivesComposed()
    {
        // σ and dZ = (σ − y)/m; loss = Σ [max(z, 0) − z·y + ln(1 + e^(−|z|))]/m.
        TensorPrimitives.Sigmoid(_logits, _probabilities);
        TensorPrimitives.Subtract(_probabilities, _targets, _dLogits);
        TensorPrimitives.Multiply(_dLogits, 1f / Batch, _dLogits);
        TensorPrimitives.Abs(_logits, _t1);
        TensorPrimitives.Negate(_t1, _t1);
        TensorPrimitives.Exp(_t1, _t1);
        TensorPrimitives.LogP1(_t1, _t1);
        TensorPrimitives.Max(_logits, 0f, _t2);
        TensorPrimitives.Add(_t2, _t1, _t2);
        TensorPrimitives.Multiply(_logits, _targets, _t1);
        TensorPrimitives.Subtract(_t2, _t1, _t2);
        return TensorPrimitives.Sum(_t2) / Batch;
    }

    [Benchmark]
    public float Fused() =>
        Kernels.Losses.SigmoidBinaryCrossEntropy(_logits, _targets, Batch, _probabilities, _dLogits);
}

/// <summary>Linear head + half squared error over [256, n] predictions.</summary>
[MemoryDiagnoser]
public class HalfSquaredErrorBench
{
    private const int Batch = 256;
    private float[] _predictions = [];
    private float[] _targets = [];
    private float[] _dPredictions = [];

    [Params(1, 16, 256)]
    public int Outputs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        int length = Batch * Outputs;
        _predictions = new float[length];
        _targets = new float[length];
        for (int k = 0; k < length; k++)
        {
            _predictions[k] = (float)(random.NextDouble() * 2 - 1);
            _targets[k] = (float)(random.NextDouble() * 2 - 1);
        }

        _dPredictions = new float[length];
    }

    [Benchmark(Baseline = true)]
    public float TensorPrimitivesComposed()
    {
        TensorPrimitives.Subtract(_predictions, _targets, _dPredictions);
        float loss = TensorPrimitives.SumOfSquares(_dPredictions) / (2 * Batch);
        TensorPrimitives.Multiply(_dPredictions, 1f / Batch, _dPredictions);
        return loss;
    }

    [Benchmark]
    public float Fused() => Kernels.Losses.HalfSquaredError(_predictions, _targets, Batch, _dPredictions);
}
