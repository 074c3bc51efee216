using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

public class ActivationBackwardTests
{
    /// <summary>(dA, saved): saved is the float forward output or the input, as the activation documents.</summary>
    private static (float[] DA, float[] Saved) Inputs(ActivationFunction f, int n, int seed)
    {
        float[] z = TestData.Values(n, seed);
        float[] a = new float[n];
        Activation.Forward(f, z, a);
        float[] saved = f.Saved == SavedForBackward.Input ? z : a;
        return (TestData.Values(n, seed + 77_777, range: 3f), saved);
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Backward_matches_reference_for_every_length_and_writes_nothing_past_the_end(string name)
    {
        var f = Operators.ByName(name);
        foreach (int n in TestData.AllLengths)
        {
            var (dA, saved) = Inputs(f, n, seed: n);
            var dZ = TestData.Output(n + 5, n);
            Activation.Backward(f, dA, saved, dZ.Span);
            dZ.AssertSentinelsIntact("dZ", context: $"{name}, n = {n}");
            Checks.Backward(f, dA, saved, dZ.Span[..n], $"n = {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Backward_in_place_over_dA_or_saved_gives_the_same_bits(string name)
    {
        var f = Operators.ByName(name);
        foreach (int n in TestData.AllLengths)
        {
            var (dA, saved) = Inputs(f, n, seed: 5000 + n);
            float[] expected = new float[n];
            Activation.Backward(f, dA, saved, expected);

            float[] overDA = (float[])dA.Clone();
            Activation.Backward(f, overDA, saved, overDA);
            Checks.BitEqual(expected, overDA, $"{name} dZ = dA, n = {n}");

            float[] overSaved = (float[])saved.Clone();
            Activation.Backward(f, dA, overSaved, overSaved);
            Checks.BitEqual(expected, overSaved, $"{name} dZ = saved, n = {n}");
        }
    }

    /// <summary>
    /// The analytic backward, fed what the forward pass saves, matches central differences of the reference forward
    /// in double: this checks the formula and which value (A or Z) it is written in terms of.
    /// </summary>
    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Backward_matches_central_finite_differences(string name)
    {
        var f = Operators.ByName(name);
        const double H = 1e-4;
        var random = new Random(11);
        float[] z = new float[500];
        for (int i = 0; i < z.Length; i++)
        {
            // Stay off ReLU's kink, where the one-sided derivatives differ.
            do z[i] = (float)((random.NextDouble() * 2 - 1) * 7); while (Math.Abs(z[i]) < 10 * H);
        }

        float[] a = new float[z.Length], dZ = new float[z.Length], ones = new float[z.Length];
        ones.AsSpan().Fill(1f);
        Activation.Forward(f, z, a);
        Activation.Backward(f, ones, f.Saved == SavedForBackward.Input ? z : a, dZ);
        for (int i = 0; i < z.Length; i++)
        {
            double fd = (ActivationReference.Forward(f, z[i] + H) - ActivationReference.Forward(f, z[i] - H)) / (2 * H);
            Assert.True(Math.Abs(dZ[i] - fd) <= 2e-6 + 1e-5 * Math.Abs(fd),
                $"{name}'({z[i]:R}) = {dZ[i]:R}, central difference {fd:R}.");
        }
    }

    [Fact]
    public void Derivatives_at_zero_follow_PyTorch()
    {
        float[] dA = [3f, 3f], saved = [0f, -0f], dZ = new float[2];
        Activation.Backward(default(ReluOperator), dA, saved, dZ);
        Assert.Equal([0f, 0f], dZ);
        Activation.Backward(new LeakyReluOperator(0.25f), dA, saved, dZ);
        Assert.Equal([0.75f, 0.75f], dZ);
        Activation.Backward(default(GeluOperator), dA, saved, dZ);
        Assert.Equal([1.5f, 1.5f], dZ); // GELU′(0) = ½
    }

    [Fact]
    public void Gelu_derivative_is_finite_for_huge_and_infinite_inputs()
    {
        float[] z = [1e13f, -1e13f, float.PositiveInfinity, float.NegativeInfinity, 30f, -30f, float.NaN];
        float[] dZ = new float[z.Length], ones = [1, 1, 1, 1, 1, 1, 1];
        Activation.Backward(default(GeluOperator), ones, z, dZ);
        Assert.Equal([1f, 0f, 1f, 0f, 1f, 0f], dZ[..6]);
        Assert.True(float.IsNaN(dZ[6]));
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Backward_rejects_bad_arguments(string name)
    {
        var f = Operators.ByName(name);
        var ex = Assert.Throws<ArgumentException>(() => Activation.Backward(f, new float[9], new float[9], new float[8]));
        Assert.Equal("dZ", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => Activation.Backward(f, new float[9], new float[10], new float[9]));
        Assert.Equal("saved", ex.ParamName);
        float[] buffer = new float[40];
        ex = Assert.Throws<ArgumentException>(() => Activation.Backward(f, buffer.AsSpan(0, 20), new float[20], buffer.AsSpan(2, 20)));
        Assert.Equal("dZ", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => Activation.Backward(f, new float[20], buffer.AsSpan(0, 20), buffer.AsSpan(5, 20)));
        Assert.Equal("dZ", ex.ParamName);
    }
}
