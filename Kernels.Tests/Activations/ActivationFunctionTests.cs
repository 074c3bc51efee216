using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

public class ActivationFunctionTests
{
    [Fact]
    public void Saved_matches_each_operator()
    {
        Assert.Equal(IdentityOperator.Saved, new ActivationFunction(ActivationKind.Identity).Saved);
        Assert.Equal(ReluOperator.Saved, new ActivationFunction(ActivationKind.Relu).Saved);
        Assert.Equal(LeakyReluOperator.Saved, new ActivationFunction(ActivationKind.LeakyRelu).Saved);
        Assert.Equal(SigmoidOperator.Saved, new ActivationFunction(ActivationKind.Sigmoid).Saved);
        Assert.Equal(TanhOperator.Saved, new ActivationFunction(ActivationKind.Tanh).Saved);
        Assert.Equal(SavedForBackward.Input, GeluOperator.Saved);
        Assert.Equal(SavedForBackward.Input, new ActivationFunction(ActivationKind.Gelu).Saved);
    }

    [Fact]
    public void Kinds_convert_with_the_default_leaky_slope()
    {
        ActivationFunction f = ActivationKind.LeakyRelu;
        Assert.Equal(ActivationKind.LeakyRelu, f.Kind);
        Assert.Equal(0.01f, f.LeakySlope);
        Assert.Equal(0.01f, new LeakyReluOperator().Slope);
        Assert.Equal(0f, default(LeakyReluOperator).Slope);
    }

    [Fact]
    public void Invalid_slopes_and_kinds_are_rejected()
    {
        foreach (float slope in new[] { -0.1f, float.NaN, float.PositiveInfinity })
        {
            Assert.Equal("slope", Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReluOperator(slope)).ParamName);
            Assert.Equal("leakySlope",
                Assert.Throws<ArgumentOutOfRangeException>(() => new ActivationFunction(ActivationKind.LeakyRelu, slope)).ParamName);
        }

        // The constructor tests a range, not Enum.IsDefined: every defined kind must pass, and the values just
        // outside (−1, one past the last) must not, so a kind added to the enum cannot be silently rejected.
        foreach (var kind in Enum.GetValues<ActivationKind>()) Assert.Equal(kind, new ActivationFunction(kind).Kind);
        int last = Enum.GetValues<ActivationKind>().Max(k => (int)k);
        foreach (int bad in new[] { -1, last + 1, 42, int.MinValue })
        {
            Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new ActivationFunction((ActivationKind)bad)).ParamName);
        }
    }
}
