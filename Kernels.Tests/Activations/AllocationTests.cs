using SimdMlp.Kernels.Tests.Gemm;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>After warm-up, no activation, softmax or vector-math call allocates (the suite's steady-state policy).</summary>
[Collection(nameof(GemmAllocationCollection))]
public sealed class AllocationTests
{
    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Activation_kernels_allocate_nothing(string name)
    {
        var f = Operators.ByName(name);
        const int M = 5, N = 37;
        float[] z = TestData.Values(M * N, seed: 1), a = new float[M * N], dA = TestData.Values(M * N, seed: 2);
        float[] dZ = new float[M * N], bias = new float[N], dBias = new float[N], preActivation = new float[M * N];

        void Dispatched()
        {
            Activation.Forward(f, z, a);
            Activation.Backward(f, dA, a, dZ);
            Activation.BackwardWithBiasGradient(f, dA, a, dZ, dBias);
            Activation.ForwardWithBias(f, bias, a, preActivation);
            Activation.ForwardWithBias(f, bias, a);
        }

        Action call = Dispatched;
        SteadyStateAllocation.AssertNone(call, $"{name} through ActivationFunction");
        Operators.Accept(f, new Generic(name, z, a, dA, dZ, dBias, bias, preActivation));
    }

    private sealed class Generic(string name, float[] z, float[] a, float[] dA, float[] dZ, float[] dBias, float[] bias, float[] pre)
        : IActivationVisitor
    {
        public void Visit<TAct>(TAct op) where TAct : struct, IActivationOperator
        {
            void All()
            {
                Activation.Forward(op, z, a);
                Activation.Backward(op, dA, a, dZ);
                Activation.BackwardWithBiasGradient(op, dA, a, dZ, dBias);
                Activation.ForwardWithBias(op, bias, a, pre);
                Activation.ForwardWithBias(op, bias, a);
            }

            Action call = All;
            SteadyStateAllocation.AssertNone(call, $"{name} through {typeof(TAct).Name}");
        }
    }

    [Fact]
    public void Softmax_and_vector_math_allocate_nothing()
    {
        float[] z = TestData.Values(300, seed: 3), a = new float[300], dZ = new float[300];

        void All()
        {
            Softmax.Forward(30, z, a);
            Softmax.Backward(30, z, a, dZ);
            VectorMath.Exp(z, a);
            VectorMath.Sigmoid(z, a);
            VectorMath.Tanh(z, a);
        }

        Action call = All;
        SteadyStateAllocation.AssertNone(call, "softmax and vector math");
    }
}
