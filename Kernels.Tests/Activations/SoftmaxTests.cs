using SimdMlp.Kernels.Tests.Elementwise;
using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

public class SoftmaxTests
{
    private const double U = 1.0 / (1 << 24);

    private static double[] ReferenceRow(ReadOnlySpan<float> z)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (float v in z) max = Math.Max(max, v);
        var e = new double[z.Length];
        for (int j = 0; j < z.Length; j++) sum += e[j] = Math.Exp(z[j] - max);
        for (int j = 0; j < z.Length; j++) e[j] /= sum;
        return e;
    }

    [Fact]
    public void Forward_matches_reference_for_every_row_length_and_writes_nothing_past_the_end()
    {
        foreach (int n in BiasGradientTests.Columns)
        {
            foreach (int m in new[] { 0, 1, 3 })
            {
                float[] z = TestData.Values(m * n, seed: 7 * n + m, range: 20f);
                var a = TestData.Output(m * n + 5, m * n);
                Softmax.Forward(n, z, a.Span);
                a.AssertSentinelsIntact("a", context: $"m = {m}, n = {n}");
                for (int i = 0; i < m; i++)
                {
                    double[] expected = ReferenceRow(z.AsSpan(i * n, n));
                    float max = n == 0 ? 0 : z.AsSpan(i * n, n).ToArray().Max();
                    for (int j = 0; j < n; j++)
                    {
                        // exp (≤ ExpMaxUlp) of the rounded z − max (whose rounding e^x amplifies by |z − max|), the float
                        // row sum (≤ n roundings of positive terms), 1/sum and the product.
                        double allowed = VectorMath.ExpMaxUlp + 2 + Math.Abs(z[i * n + j] - max)
                            + n * U * 2 / Ulp.Of(expected[j]) * expected[j];
                        double error = Ulp.Error(a.Span[i * n + j], expected[j]);
                        Assert.True(error <= allowed, $"m = {m}, n = {n}, [{i}, {j}]: {error:G4} ULP > {allowed:G4}.");
                    }
                }
            }
        }
    }

    [Fact]
    public void Forward_in_place_gives_the_same_bits_and_large_logits_do_not_overflow()
    {
        foreach (int n in new[] { 1, 3, 4, 15, 16, 17, 100 })
        {
            float[] z = TestData.Values(2 * n, seed: n, range: 5f);
            for (int i = 0; i < z.Length; i++) z[i] += 1000f;
            float[] expected = new float[z.Length];
            Softmax.Forward(n, z, expected);
            Softmax.Forward(n, z, z);
            Checks.BitEqual(expected, z, $"n = {n}");
            for (int i = 0; i < 2; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++) sum += z[i * n + j];
                Assert.InRange(sum, 1 - 1e-5, 1 + 1e-5);
            }
        }
    }

    [Fact]
    public void Rows_with_NaN_or_infinity_give_NaN_like_PyTorch()
    {
        float[] z = [1f, float.NaN, 2f, 3f, float.PositiveInfinity, 0f, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity];
        Softmax.Forward(3, z, z);
        Assert.All(z, v => Assert.True(float.IsNaN(v)));

        float[] oneMinusInfinity = [0f, float.NegativeInfinity];
        Softmax.Forward(2, oneMinusInfinity, oneMinusInfinity);
        Assert.Equal([1f, 0f], oneMinusInfinity);
    }

    [Fact]
    public void Backward_matches_reference_and_runs_in_place()
    {
        foreach (int n in BiasGradientTests.Columns)
        {
            const int M = 2;
            float[] z = TestData.Values(M * n, seed: n), a = new float[M * n];
            Softmax.Forward(n, z, a);
            float[] dA = TestData.Values(M * n, seed: 500 + n, range: 2f);
            var dZ = TestData.Output(M * n + 5, M * n);
            Softmax.Backward(n, dA, a, dZ.Span);
            dZ.AssertSentinelsIntact("dZ", context: $"n = {n}");
            for (int i = 0; i < M; i++)
            {
                double dot = 0, dotMagnitude = 0;
                for (int j = 0; j < n; j++)
                {
                    dot += (double)dA[i * n + j] * a[i * n + j];
                    dotMagnitude += Math.Abs((double)dA[i * n + j] * a[i * n + j]);
                }

                for (int j = 0; j < n; j++)
                {
                    int k = i * n + j;
                    double expected = a[k] * (dA[k] - dot);
                    double bound = 4 * (n + 2) * U * a[k] * (Math.Abs(dA[k]) + dotMagnitude) + 1e-45;
                    Assert.True(Math.Abs(dZ.Span[k] - expected) <= bound, $"n = {n}, [{i}, {j}]: {dZ.Span[k]:R} vs {expected:R}.");
                }
            }

            float[] expectedDZ = dZ.Span[..(M * n)].ToArray(), overDA = (float[])dA.Clone(), overA = (float[])a.Clone();
            Softmax.Backward(n, overDA, a, overDA);
            Checks.BitEqual(expectedDZ, overDA, $"dZ = dA, n = {n}");
            Softmax.Backward(n, dA, overA, overA);
            Checks.BitEqual(expectedDZ, overA, $"dZ = a, n = {n}");
        }
    }

    [Fact]
    public void Softmax_rejects_bad_arguments()
    {
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Forward(-1, [], [])).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => Softmax.Forward(4, new float[10], new float[10])).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => Softmax.Forward(0, new float[1], new float[1])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Softmax.Forward(4, new float[8], new float[7])).ParamName);
        Assert.Equal("dA", Assert.Throws<ArgumentException>(() => Softmax.Backward(4, new float[9], new float[9], new float[9])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Softmax.Backward(4, new float[8], new float[4], new float[8])).ParamName);
        Assert.Equal("dZ", Assert.Throws<ArgumentException>(() => Softmax.Backward(4, new float[8], new float[8], new float[4])).ParamName);
        float[] buffer = new float[20];
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Softmax.Forward(4, buffer.AsSpan(0, 8), buffer.AsSpan(2, 8))).ParamName);
    }
}
