using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

public class BiasForwardTests
{
    /// <summary>
    /// matrix becomes g(x + b) with the same bits as a separate bias add and forward pass; the kept Z is x + b;
    /// nothing is written past the kept Z.
    /// </summary>
    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Bias_and_activation_in_one_pass_match_the_separate_passes(string name)
    {
        var f = Operators.ByName(name);
        foreach (int n in BiasGradientTests.Columns)
        {
            foreach (int m in BiasGradientTests.RowCounts)
            {
                string context = $"{name}, m = {m}, n = {n}";
                float[] x = TestData.Values(m * n, seed: 3 * n + m), bias = TestData.Values(n, seed: 1_000 + n, range: 1f);
                float[] expectedZ = new float[m * n], expectedA = new float[m * n];
                for (int i = 0; i < m * n; i++) expectedZ[i] = x[i] + bias[i % n];
                Activation.Forward(f, expectedZ, expectedA);

                float[] matrix = (float[])x.Clone();
                var preActivation = TestData.Output(m * n + 4, m * n);
                Activation.ForwardWithBias(f, bias, matrix, m * n == 0 ? Span<float>.Empty : preActivation.Span);
                Checks.BitEqual(expectedA, matrix, context + " A");
                if (m * n > 0)
                {
                    preActivation.AssertSentinelsIntact("preActivation", context: context);
                    Checks.BitEqual(expectedZ, preActivation.Span[..(m * n)], context + " Z");
                }

                float[] discardZ = (float[])x.Clone();
                Activation.ForwardWithBias(f, bias, discardZ);
                Checks.BitEqual(expectedA, discardZ, context + " A without Z");
            }
        }
    }

    [Fact]
    public void Bias_forward_rejects_bad_arguments()
    {
        var tanh = default(TanhOperator);
        var ex = Assert.Throws<ArgumentException>(() => Activation.ForwardWithBias(tanh, new float[4], new float[10]));
        Assert.Equal("matrix", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => Activation.ForwardWithBias(tanh, new float[4], new float[8], new float[7]));
        Assert.Equal("preActivation", ex.ParamName);
        float[] buffer = new float[20];
        ex = Assert.Throws<ArgumentException>(() => Activation.ForwardWithBias(tanh, new float[4], buffer.AsSpan(0, 8), buffer.AsSpan(4, 8)));
        Assert.Equal("preActivation", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => Activation.ForwardWithBias(tanh, buffer.AsSpan(6, 4), buffer.AsSpan(0, 8)));
        Assert.Equal("matrix", ex.ParamName);
    }
}
