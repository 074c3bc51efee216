using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>The allocation check, in the collection that runs alone (process-wide activity must not leak in).</summary>
[Collection(nameof(GemmAllocationCollection))]
public sealed class FusedForwardAllocationTests
{
    [Theory]
    [InlineData(64, 256, 784)]
    [InlineData(64, 10, 128)]
    [InlineData(1, 256, 784)]
    public void Warm_fused_call_allocates_nothing(int m, int n, int k)
    {
        float[] a = new float[m * k], b = new float[k * n], bias = new float[n], c = new float[m * n], z = new float[m * n];
        Action call = () => Kernels.Gemm.SgemmBiasActivation(Transpose.No, Transpose.No, m, n, k, a, k, b, n, bias,
            ActivationKind.Gelu, c, n, z);
        SteadyStateAllocation.AssertNone(call, $"SgemmBiasActivation {m}x{n}x{k} (GELU, keeping Z)");
    }
}
