using SimdMlp.Kernels;
using Xunit;

namespace SimdMlp.Kernels.Tests;

public class SmokeTests
{
    [Fact]
    public void Sgemm_2x2()
    {
        float[] a = [1, 2, 3, 4], b = [5, 6, 7, 8], c = new float[4];
        Gemm.Sgemm(Transpose.No, Transpose.No, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2);
        Assert.Equal([19f, 22f, 43f, 50f], c);
    }
}
