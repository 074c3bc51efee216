using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>After warm-up (JIT, tiering), no kernel call allocates.</summary>
public class AllocationTests
{
    /// <summary>
    /// Bytes allocated by 10 calls, after warm-up. One-off runtime work (tiered re-JIT, on-stack replacement) can
    /// allocate on the calling thread during the first rounds, so the least of a few rounds counts: a kernel that
    /// allocates per call never reaches 0.
    /// </summary>
    private static long AllocatedBy(Action call)
    {
        for (int i = 0; i < 50; i++) call();
        long least = long.MaxValue;
        for (int round = 0; round < 5 && least > 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++) call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Activation_kernels_allocate_nothing(string name)
    {
        var f = Operators.ByName(name);
        const int M = 5, N = 37;
        float[] z = TestData.Values(M * N, seed: 1), a = new float[M * N], dA = TestData.Values(M * N, seed: 2);
        float[] dZ = new float[M * N], bias = new float[N], dBias = new float[N], preActivation = new float[M * N];

        Assert.Equal(0, AllocatedBy(() => Activation.Forward(f, z, a)));
        Assert.Equal(0, AllocatedBy(() => Activation.Backward(f, dA, a, dZ)));
        Assert.Equal(0, AllocatedBy(() => Activation.BackwardWithBiasGradient(f, dA, a, dZ, dBias)));
        Assert.Equal(0, AllocatedBy(() => Activation.ForwardWithBias(f, bias, a, preActivation)));
        Operators.Accept(f, new Generic(z, a, dA, dZ, dBias, bias, preActivation));
    }

    private sealed class Generic(float[] z, float[] a, float[] dA, float[] dZ, float[] dBias, float[] bias, float[] pre)
        : IActivationVisitor
    {
        public void Visit<TAct>(TAct op) where TAct : struct, IActivationOperator
        {
            Assert.Equal(0, AllocatedBy(() => Activation.Forward(op, z, a)));
            Assert.Equal(0, AllocatedBy(() => Activation.Backward(op, dA, a, dZ)));
            Assert.Equal(0, AllocatedBy(() => Activation.BackwardWithBiasGradient(op, dA, a, dZ, dBias)));
            Assert.Equal(0, AllocatedBy(() => Activation.ForwardWithBias(op, bias, a, pre)));
            Assert.Equal(0, AllocatedBy(() => Activation.ForwardWithBias(op, bias, a)));
        }
    }

    [Fact]
    public void Softmax_and_vector_math_allocate_nothing()
    {
        float[] z = TestData.Values(300, seed: 3), a = new float[300], dZ = new float[300];
        Assert.Equal(0, AllocatedBy(() => Softmax.Forward(30, z, a)));
        Assert.Equal(0, AllocatedBy(() => Softmax.Backward(30, z, a, dZ)));
        Assert.Equal(0, AllocatedBy(() => VectorMath.Exp(z, a)));
        Assert.Equal(0, AllocatedBy(() => VectorMath.Sigmoid(z, a)));
        Assert.Equal(0, AllocatedBy(() => VectorMath.Tanh(z, a)));
    }
}
