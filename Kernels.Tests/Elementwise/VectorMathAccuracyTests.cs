using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Elementwise;

/// <summary>
/// The stated error bounds of <see cref="VectorMath"/>, measured against double-precision <see cref="Math"/> over a
/// sample of the whole float range (every 2^12-th bit pattern of both signs: about 10⁶ values, 2^11 per binade), dense
/// sweeps of the edges (overflow, underflow into subnormals, tanh saturation, small |x|) and the special values.
/// </summary>
public class VectorMathAccuracyTests(ITestOutputHelper output)
{
    /// <summary>
    /// 1 without hardware vectors, where the runtime emulates <c>Vector128</c> about 20× slower: 4 bits sparser
    /// sampling keeps that CI leg fast, and the accelerated legs run the same code at full density.
    /// </summary>
    private static readonly int s_sparser = System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? 0 : 4;

    private static readonly float[] s_sample = Ulp.Sweep(12 + s_sparser);

    private static float[] Dense(float from, float to, int step) => Ulp.Dense(from, to, step << s_sparser);

    private delegate void SpanFunction(ReadOnlySpan<float> x, Span<float> destination);

    private double MaxUlp(string name, SpanFunction function, Func<double, double> reference, float[] x)
    {
        float[] y = new float[x.Length];
        function(x, y);
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double error = Ulp.Error(y[i], reference(x[i]));
            if (error > worst) (worst, worstAt) = (error, i);
        }

        output.WriteLine($"{name}: max {worst:F3} ULP at x = {Tolerance.Describe(x[worstAt])} " +
            $"({x.Length} values, path {SimdCapabilities.ActivePath}).");
        return worst;
    }

    private static double SigmoidReference(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    [Fact]
    public void Exp_is_within_its_stated_bound_over_the_float_range()
    {
        float[] edges = [.. Dense(88f, 89f, 7), .. Dense(-87f, -105f, 5), .. Dense(-1e-3f, 1e-3f, 4096)];
        Assert.True(MaxUlp("Exp sweep", VectorMath.Exp, Math.Exp, s_sample) <= VectorMath.ExpMaxUlp);
        Assert.True(MaxUlp("Exp edges", VectorMath.Exp, Math.Exp, edges) <= VectorMath.ExpMaxUlp);
    }

    [Fact]
    public void Sigmoid_is_within_its_stated_bound_over_the_float_range()
    {
        float[] edges = [.. Dense(-87f, -105f, 5), .. Dense(15f, 18f, 31), .. Dense(-1e-3f, 1e-3f, 4096)];
        Assert.True(MaxUlp("Sigmoid sweep", VectorMath.Sigmoid, SigmoidReference, s_sample) <= VectorMath.SigmoidMaxUlp);
        Assert.True(MaxUlp("Sigmoid edges", VectorMath.Sigmoid, SigmoidReference, edges) <= VectorMath.SigmoidMaxUlp);
    }

    [Fact]
    public void Tanh_is_within_its_stated_bound_over_the_float_range()
    {
        float[] edges = [.. Dense(8.5f, 9.5f, 7), .. Dense(-8.5f, -9.5f, 7), .. Dense(1e-6f, 0.7f, 397),
            .. Dense(-1e-6f, -0.7f, 397)];
        Assert.True(MaxUlp("Tanh sweep", VectorMath.Tanh, Math.Tanh, s_sample) <= VectorMath.TanhMaxUlp);
        Assert.True(MaxUlp("Tanh edges", VectorMath.Tanh, Math.Tanh, edges) <= VectorMath.TanhMaxUlp);
    }

    [Fact]
    public void Special_values_are_exact()
    {
        Assert.Equal(float.PositiveInfinity, VectorMath.Exp(89f));
        Assert.Equal(float.PositiveInfinity, VectorMath.Exp(float.PositiveInfinity));
        Assert.Equal(0f, VectorMath.Exp(-104f));
        Assert.Equal(0f, VectorMath.Exp(float.NegativeInfinity));
        Assert.True(float.IsSubnormal(VectorMath.Exp(-100f)));
        Assert.Equal(1f, VectorMath.Exp(0f));
        Assert.Equal(1f, VectorMath.Exp(-0f));
        Assert.True(float.IsNaN(VectorMath.Exp(float.NaN)));

        Assert.Equal(1f, VectorMath.Sigmoid(1e4f));
        Assert.Equal(0f, VectorMath.Sigmoid(-1e4f));
        Assert.Equal(0.5f, VectorMath.Sigmoid(0f));
        Assert.Equal(1f, VectorMath.Sigmoid(float.PositiveInfinity));
        Assert.Equal(0f, VectorMath.Sigmoid(float.NegativeInfinity));
        Assert.True(float.IsSubnormal(VectorMath.Sigmoid(-100f)));
        Assert.True(float.IsNaN(VectorMath.Sigmoid(float.NaN)));

        Assert.Equal(1f, VectorMath.Tanh(20f));
        Assert.Equal(-1f, VectorMath.Tanh(-20f));
        Assert.Equal(1f, VectorMath.Tanh(float.PositiveInfinity));
        Assert.Equal(-1f, VectorMath.Tanh(float.NegativeInfinity));
        Assert.Equal(0x8000_0000u, BitConverter.SingleToUInt32Bits(VectorMath.Tanh(-0f)));
        Assert.Equal(0u, BitConverter.SingleToUInt32Bits(VectorMath.Tanh(0f)));
        Assert.Equal(1e-30f, VectorMath.Tanh(1e-30f));
        Assert.Equal(-1e-40f, VectorMath.Tanh(-1e-40f));
        Assert.True(float.IsNaN(VectorMath.Tanh(float.NaN)));
    }
}
