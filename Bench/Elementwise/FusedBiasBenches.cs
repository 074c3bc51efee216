using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Elementwise;

/// <summary>
/// dZ = dA ⊙ σ′ and dBias = column sums of dZ over [Size / 1024, 1024]: fused (one pass) against TensorPrimitives
/// (three passes for dZ, then one Add per row into dBias) and against SimdMlp's own unfused backward plus row adds.
/// </summary>
public class BiasGradientBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesComposed()
    {
        TensorPrimitives.Subtract(1f, A, Temp1);
        TensorPrimitives.Multiply(A, Temp1, Temp1);
        TensorPrimitives.Multiply(DA, Temp1, Destination);
        SumRows();
    }

    [Benchmark]
    public void SimdMlpUnfused()
    {
        Activation.Backward(default(SigmoidOperator), DA, A, Destination);
        SumRows();
    }

    [Benchmark]
    public void SimdMlpFused() => Activation.BackwardWithBiasGradient(default(SigmoidOperator), DA, A, Destination, DBias);

    private void SumRows()
    {
        DBias.AsSpan().Clear();
        for (int offset = 0; offset < Size; offset += Columns)
            TensorPrimitives.Add(DBias, Destination.AsSpan(offset, Columns), DBias);
    }
}

/// <summary>
/// matrix = ReLU(matrix + bias) over [Size / 1024, 1024], in place: fused against one TensorPrimitives Add per row
/// followed by TensorPrimitives.Max over the whole matrix.
/// </summary>
public class BiasForwardBench : ElementwiseBenchBase
{
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesComposed()
    {
        for (int offset = 0; offset < Size; offset += Columns)
        {
            var row = Destination.AsSpan(offset, Columns);
            TensorPrimitives.Add(row, Bias, row);
        }

        TensorPrimitives.Max(Destination, 0f, Destination);
    }

    [Benchmark]
    public void SimdMlpFused() => Activation.ForwardWithBias(default(ReluOperator), Bias, Destination);
}
