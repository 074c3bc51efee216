using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

public class ActivationForwardTests
{
    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Forward_matches_reference_for_every_length_and_writes_nothing_past_the_end(string name)
    {
        var f = Operators.ByName(name);
        foreach (int n in TestData.AllLengths)
        {
            float[] z = TestData.Values(n, seed: n);
            var a = TestData.Output(n + 5, n); // longer destination: only the first n may change
            Activation.Forward(f, z, a.Span);
            a.AssertSentinelsIntact("a", context: $"{name}, n = {n}");
            Checks.Forward(f, z, a.Span[..n], $"n = {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Forward_in_place_gives_the_same_bits_as_out_of_place(string name)
    {
        var f = Operators.ByName(name);
        foreach (int n in TestData.AllLengths)
        {
            float[] z = TestData.Values(n, seed: 1000 + n);
            float[] expected = new float[n];
            Activation.Forward(f, z, expected);
            Activation.Forward(f, z, z);
            Checks.BitEqual(expected, z, $"{name} in place, n = {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Generic_and_dispatched_forward_agree_bit_for_bit(string name)
    {
        var f = Operators.ByName(name);
        float[] z = TestData.Values(203, seed: 7);
        float[] dispatched = new float[z.Length];
        Activation.Forward(f, z, dispatched);
        Operators.Accept(f, new GenericForward(z, dispatched));
    }

    private sealed class GenericForward(float[] z, float[] expected) : IActivationVisitor
    {
        public void Visit<TAct>(TAct activation) where TAct : struct, IActivationOperator
        {
            float[] a = new float[z.Length];
            Activation.Forward(activation, z, a);
            Checks.BitEqual(expected, a, typeof(TAct).Name);
        }
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Forward_handles_special_values(string name)
    {
        var f = Operators.ByName(name);
        float[] z = [.. Elementwise.Ulp.Specials];
        float[] a = new float[z.Length];
        Activation.Forward(f, z, a);
        for (int i = 0; i < z.Length; i++)
        {
            // GELU(−∞) is NaN like the formula; the reference gives NaN too (−∞ · 0).
            Checks.Forward(f, z.AsSpan(i, 1), a.AsSpan(i, 1), "special value");
        }
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Forward_rejects_a_too_short_destination(string name)
    {
        var f = Operators.ByName(name);
        var ex = Assert.Throws<ArgumentException>(() => Activation.Forward(f, new float[17], new float[16]));
        Assert.Equal("a", ex.ParamName);
        Assert.Contains("16", ex.Message);
        Assert.Contains("17", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Forward_rejects_a_partially_overlapping_destination(string name)
    {
        var f = Operators.ByName(name);
        float[] buffer = new float[40];
        var ex = Assert.Throws<ArgumentException>(() => Activation.Forward(f, buffer.AsSpan(0, 32), buffer.AsSpan(1, 32)));
        Assert.Equal("a", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => Activation.Forward(f, buffer.AsSpan(3, 32), buffer.AsSpan(0, 32)));
        Assert.Equal("a", ex.ParamName);
    }

    [Fact]
    public void Relu_keeps_NaN_and_turns_negative_zero_into_positive_zero()
    {
        float[] z = [float.NaN, -0f, -1f, 2f];
        Activation.Forward(default(ReluOperator), z, z);
        Assert.True(float.IsNaN(z[0]));
        Assert.Equal(0u, BitConverter.SingleToUInt32Bits(z[1]));
        Assert.Equal(0f, z[2]);
        Assert.Equal(2f, z[3]);
    }
}
