using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Elementwise;

// TensorPrimitives has no activation derivatives: each baseline composes the same formula from TensorPrimitives
// passes (what a user of TensorPrimitives would write). ReLU′ has no TensorPrimitives form, so its baseline is
// TensorPrimitives.Multiply(dA, a): the same memory traffic (two reads, one write) with no mask at all.

public class SigmoidBackwardBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesComposed()
    {
        // dA · a (1 − a)
        TensorPrimitives.Subtract(1f, A, Temp1);
        TensorPrimitives.Multiply(A, Temp1, Temp1);
        TensorPrimitives.Multiply(DA, Temp1, Destination);
    }

    [Benchmark]
    public void SimdMlpSigmoidBackward() => Activation.Backward(default(SigmoidOperator), DA, A, Destination);
}

public class TanhBackwardBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesComposed()
    {
        // dA · (1 − a²)
        TensorPrimitives.Multiply(A, A, Temp1);
        TensorPrimitives.Subtract(1f, Temp1, Temp1);
        TensorPrimitives.Multiply(DA, Temp1, Destination);
    }

    [Benchmark]
    public void SimdMlpTanhBackward() => Activation.Backward(default(TanhOperator), DA, A, Destination);
}

public class ReluBackwardBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesMultiply() => TensorPrimitives.Multiply(DA, A, Destination);

    [Benchmark]
    public void SimdMlpReluBackward() => Activation.Backward(default(ReluOperator), DA, A, Destination);
}

public class GeluBackwardBench : ElementwiseBenchBase
{
    private const float K3 = 0.0713548162726f;

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesComposed()
    {
        // dA · (s + z s (1 − s) (k₁ + 3 k₃ z²)), s = σ(z (k₁ + k₃ z²))
        TensorPrimitives.Multiply(X, X, Temp1);                    // z²
        TensorPrimitives.MultiplyAdd(Temp1, K3, GeluK1, Temp2);        // k₁ + k₃ z²
        TensorPrimitives.Multiply(Temp2, X, Temp2);                // w
        TensorPrimitives.Sigmoid(Temp2, Temp2);                    // s
        TensorPrimitives.MultiplyAdd(Temp1, 3 * K3, GeluK1, Temp1);    // w′
        TensorPrimitives.Multiply(Temp1, X, Temp1);                // z w′
        TensorPrimitives.Subtract(1f, Temp2, Temp3);               // 1 − s
        TensorPrimitives.Multiply(Temp3, Temp2, Temp3);            // s (1 − s)
        TensorPrimitives.MultiplyAdd(Temp3, Temp1, Temp2, Temp3);  // s + z w′ s (1 − s)
        TensorPrimitives.Multiply(DA, Temp3, Destination);
    }

    [Benchmark]
    public void SimdMlpGeluBackward() => Activation.Backward(default(GeluOperator), DA, X, Destination);
}
