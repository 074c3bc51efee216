using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

public class BiasGradientTests
{
    /// <summary>Column counts around every width's edges (and its 4× unroll), plus wider rows.</summary>
    public static readonly int[] Columns = [.. Enumerable.Range(0, 70), 95, 96, 97, 127, 128, 129, 300];

    public static readonly int[] RowCounts = [0, 1, 2, 3, 4, 5, 7, 8, 13];

    /// <summary>The documented order: rows in order, added to one float accumulator per column starting at 0.</summary>
    public static float[] DocumentedColumnSums(float[] dZ, int m, int n)
    {
        float[] sums = new float[n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++) sums[j] += dZ[i * n + j];
        }

        return sums;
    }

    /// <summary>
    /// dZ is bit-identical to the plain backward, and dBias to the documented order (see <see cref="DocumentedColumnSums"/>). Also checked against a double reference, and nothing is written past either output.
    /// </summary>
    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Fused_backward_and_bias_gradient_follow_the_documented_order(string name)
    {
        var f = Operators.ByName(name);
        foreach (int n in Columns)
        {
            foreach (int m in RowCounts)
            {
                string context = $"{name}, m = {m}, n = {n}";
                float[] z = TestData.Values(m * n, seed: 31 * n + m), a = new float[m * n];
                Activation.Forward(f, z, a);
                float[] saved = f.Saved == SavedForBackward.Input ? z : a;
                float[] dA = TestData.Values(m * n, seed: 17 * n + m, range: 2f);

                var dZ = TestData.Output(m * n + 3, m * n);
                var dBias = TestData.Output(n, n);
                Activation.BackwardWithBiasGradient(f, dA, saved, dZ.Span, dBias.Span);
                dZ.AssertSentinelsIntact("dZ", context: context);
                dBias.AssertSentinelsIntact("dBias", context: context);

                float[] expectedDZ = new float[m * n];
                Activation.Backward(f, dA, saved, expectedDZ);
                Checks.BitEqual(expectedDZ, dZ.Span[..(m * n)], context + " dZ");

                float[] expectedDBias = DocumentedColumnSums(expectedDZ, m, n);

                Checks.BitEqual(expectedDBias, dBias.Span, context + " dBias");
                for (int j = 0; j < n; j++)
                {
                    double exact = 0, magnitude = 0;
                    for (int i = 0; i < m; i++)
                    {
                        exact += expectedDZ[i * n + j];
                        magnitude += Math.Abs(expectedDZ[i * n + j]);
                    }

                    Assert.True(Math.Abs(dBias.Span[j] - exact) <= m * magnitude / (1 << 23) + 1e-45,
                        $"{context}: dBias[{j}] = {dBias.Span[j]:R}, exact sum {exact:R}.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Fused_backward_in_place_over_dA_or_saved_gives_the_same_bits(string name)
    {
        var f = Operators.ByName(name);
        foreach (int n in new[] { 1, 5, 16, 23, 64, 77 })
        {
            const int M = 9;
            float[] z = TestData.Values(M * n, seed: n), a = new float[M * n];
            Activation.Forward(f, z, a);
            float[] saved = f.Saved == SavedForBackward.Input ? z : a;
            float[] dA = TestData.Values(M * n, seed: 99 + n, range: 2f);
            float[] expectedDZ = new float[M * n], expectedDBias = new float[n];
            Activation.BackwardWithBiasGradient(f, dA, saved, expectedDZ, expectedDBias);

            float[] overDA = (float[])dA.Clone(), dBias = new float[n];
            Activation.BackwardWithBiasGradient(f, overDA, saved, overDA, dBias);
            Checks.BitEqual(expectedDZ, overDA, $"{name} dZ = dA, n = {n}");
            Checks.BitEqual(expectedDBias, dBias, $"{name} dBias with dZ = dA, n = {n}");

            float[] overSaved = (float[])saved.Clone();
            Activation.BackwardWithBiasGradient(f, dA, overSaved, overSaved, dBias);
            Checks.BitEqual(expectedDZ, overSaved, $"{name} dZ = saved, n = {n}");
            Checks.BitEqual(expectedDBias, dBias, $"{name} dBias with dZ = saved, n = {n}");
        }
    }

    [Fact]
    public void Bias_gradient_is_overwritten_not_accumulated_and_zero_rows_give_zero()
    {
        float[] dBias = [5f, 5f];
        Activation.BackwardWithBiasGradient(default(IdentityOperator), [1f, 2f, 3f, 4f], new float[4], new float[4], dBias);
        Assert.Equal([4f, 6f], dBias);
        Activation.BackwardWithBiasGradient(default(IdentityOperator), [], [], [], dBias);
        Assert.Equal([0f, 0f], dBias);
    }

    [Fact]
    public void Fused_backward_rejects_bad_arguments()
    {
        var relu = default(ReluOperator);
        var ex = Assert.Throws<ArgumentException>(() =>
            Activation.BackwardWithBiasGradient(relu, new float[10], new float[10], new float[10], new float[3]));
        Assert.Equal("dA", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.BackwardWithBiasGradient(relu, new float[4], new float[4], new float[4], new float[0]));
        Assert.Equal("dA", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.BackwardWithBiasGradient(relu, new float[12], new float[9], new float[12], new float[3]));
        Assert.Equal("saved", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.BackwardWithBiasGradient(relu, new float[12], new float[12], new float[11], new float[3]));
        Assert.Equal("dZ", ex.ParamName);

        float[] buffer = new float[30];
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.BackwardWithBiasGradient(relu, new float[12], new float[12], buffer.AsSpan(0, 12), buffer.AsSpan(10, 3)));
        Assert.Equal("dBias", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.BackwardWithBiasGradient(relu, buffer.AsSpan(0, 12), new float[12], new float[12], buffer.AsSpan(11, 3)));
        Assert.Equal("dBias", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() =>
            Activation.BackwardWithBiasGradient(relu, buffer.AsSpan(0, 12), new float[12], buffer.AsSpan(1, 12), new float[3]));
        Assert.Equal("dZ", ex.ParamName);
    }
}
