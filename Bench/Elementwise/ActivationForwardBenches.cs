using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Elementwise;

// One class per operation so BenchmarkDotNet reports SimdMlp / TensorPrimitives ratios per size.

public class ExpBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesExp() => TensorPrimitives.Exp(X, Destination);

    [Benchmark]
    public void SimdMlpExp() => VectorMath.Exp(X, Destination);
}

public class SigmoidBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesSigmoid() => TensorPrimitives.Sigmoid(X, Destination);

    [Benchmark]
    public void SimdMlpSigmoid() => Activation.Forward(default(SigmoidOperator), X, Destination);
}

public class TanhBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesTanh() => TensorPrimitives.Tanh(X, Destination);

    [Benchmark]
    public void SimdMlpTanh() => Activation.Forward(default(TanhOperator), X, Destination);
}

public class ReluBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesMax() => TensorPrimitives.Max(X, 0f, Destination);

    [Benchmark]
    public void SimdMlpRelu() => Activation.Forward(default(ReluOperator), X, Destination);

    [Benchmark]
    public void SimdMlpLeakyRelu() => Activation.Forward(new LeakyReluOperator(0.01f), X, Destination);
}

/// <summary>GELU is not in TensorPrimitives: the baseline composes it from five TensorPrimitives passes.</summary>
public class GeluBench : ElementwiseBenchBase
{
    private const float K3 = 0.0713548162726f;

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesComposed()
    {
        // z · σ(z (k₁ + k₃ z²))
        TensorPrimitives.Multiply(X, X, Temp1);
        TensorPrimitives.MultiplyAdd(Temp1, K3, GeluK1, Temp1);
        TensorPrimitives.Multiply(Temp1, X, Temp1);
        TensorPrimitives.Sigmoid(Temp1, Temp1);
        TensorPrimitives.Multiply(Temp1, X, Destination);
    }

    [Benchmark]
    public void SimdMlpGelu() => Activation.Forward(default(GeluOperator), X, Destination);
}

/// <summary>One row of <see cref="ElementwiseBenchBase.Size"/> logits (TensorPrimitives.SoftMax is one-dimensional).</summary>
public class SoftmaxBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesSoftMax() => TensorPrimitives.SoftMax(X, Destination);

    [Benchmark]
    public void SimdMlpSoftmax() => Softmax.Forward(Size, X, Destination);
}
