using Xunit;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// Hyper-parameters are checked once, in the constructors, against PyTorch's ranges; buffers and the step once per
/// call, before anything is written; every exception names the argument.
/// </summary>
public sealed class OptimizerArgumentTests
{
    private static void Throws<T>(string paramName, Action action)
        where T : ArgumentException => Assert.Equal(paramName, Assert.Throws<T>(action).ParamName);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Learning_rate_must_be_finite_and_non_negative(double lr)
    {
        Throws<ArgumentOutOfRangeException>("learningRate", () => _ = new Sgd(lr));
        Throws<ArgumentOutOfRangeException>("learningRate", () => _ = new Adam(lr));
        Throws<ArgumentOutOfRangeException>("learningRate", () => _ = new AdamW(lr));
        Throws<ArgumentOutOfRangeException>("learningRate", () => _ = new Adam(0.1).WithLearningRate(lr));
    }

    [Fact]
    public void Other_hyper_parameters_are_checked()
    {
        Throws<ArgumentOutOfRangeException>("momentum", () => _ = new Sgd(0.1, momentum: -0.5));
        Throws<ArgumentOutOfRangeException>("dampening", () => _ = new Sgd(0.1, 0.9, dampening: double.NaN));
        Throws<ArgumentOutOfRangeException>("weightDecay", () => _ = new Sgd(0.1, weightDecay: -1e-4));
        Throws<ArgumentException>("nesterov", () => _ = new Sgd(0.1, nesterov: true));
        Throws<ArgumentException>("nesterov", () => _ = new Sgd(0.1, 0.9, dampening: 0.1, nesterov: true));
        Throws<ArgumentOutOfRangeException>("beta1", () => _ = new Adam(0.1, beta1: 1));
        Throws<ArgumentOutOfRangeException>("beta2", () => _ = new AdamW(0.1, beta2: -0.1));
        Throws<ArgumentOutOfRangeException>("epsilon", () => _ = new Adam(0.1, epsilon: -1e-8));
        Throws<ArgumentOutOfRangeException>("weightDecay", () => _ = new AdamW(0.1, weightDecay: double.NaN));
        _ = new Sgd(0, momentum: 0.9, dampening: 1, nesterov: false);
        _ = new Adam(0, beta1: 0, beta2: 0, epsilon: 0);
    }

    [Fact]
    public void Buffers_must_have_the_weights_length()
    {
        var w = new float[5];
        Throws<ArgumentException>("gradients", () => new Sgd(0.1).Step(w, new float[4]));
        Throws<ArgumentException>("velocity", () => new Sgd(0.1, 0.9).Step(w, new float[5], new float[6], 1));
        Throws<ArgumentException>("velocity", () => new Sgd(0.1).Step(w, new float[5], new float[4], 1));
        Throws<ArgumentException>("firstMoment",
            () => new Adam(0.1).Step(w, new float[5], new float[4], new float[5], 1));
        Throws<ArgumentException>("secondMoment",
            () => new AdamW(0.1).Step(w, new float[5], new float[5], new float[6], 1));
    }

    [Fact]
    public void Buffers_must_not_overlap()
    {
        var slab = new float[20];
        var w = slab.AsSpan(0, 5).ToArray();
        Throws<ArgumentException>("gradients", () => new Sgd(0.1).Step(slab.AsSpan(0, 5), slab.AsSpan(4, 5)));
        Throws<ArgumentException>("velocity",
            () => new Sgd(0.1, 0.9).Step(slab.AsSpan(0, 5), slab.AsSpan(5, 5), slab.AsSpan(2, 5), 1));
        Throws<ArgumentException>("secondMoment",
            () => new Adam(0.1).Step(w, slab.AsSpan(0, 5), slab.AsSpan(5, 5), slab.AsSpan(9, 5), 1));
        Throws<ArgumentException>("firstMoment",
            () => new AdamW(0.1).Step(slab.AsSpan(0, 5), slab.AsSpan(10, 5), slab.AsSpan(0, 5), slab.AsSpan(15, 5), 1));
    }

    [Fact]
    public void Step_counts_from_one()
    {
        var b = new float[3];
        Throws<ArgumentOutOfRangeException>("step", () => new Sgd(0.1, 0.9).Step(new float[3], b, new float[3], 0));
        Throws<ArgumentOutOfRangeException>("step",
            () => new Adam(0.1).Step(new float[3], b, new float[3], new float[3], -1));
        Throws<ArgumentOutOfRangeException>("step",
            () => new AdamW(0.1).Step(new float[3], b, new float[3], new float[3], 0));
    }

    [Fact]
    public void Misuse_of_the_optimizer_itself_is_an_invalid_operation()
    {
        var b = new float[3];
        var e = Assert.Throws<InvalidOperationException>(() => new Sgd(0.1, momentum: 0.9).Step(new float[3], b));
        Assert.Contains("velocity", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => default(Sgd).Step(new float[3], b));
        Assert.Throws<InvalidOperationException>(() => default(Adam).Step(new float[3], b, new float[3], new float[3], 1));
        Assert.Throws<InvalidOperationException>(() => default(AdamW).Step(new float[3], b, new float[3], new float[3], 1));
    }

    [Fact]
    public void A_rejected_step_writes_nothing()
    {
        float[] w = [1, 2, 3], m = [4, 5, 6], v = [7, 8, 9];
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(0.1).Step(w, [1, 1, 1], m, v, 0));
        Assert.Throws<ArgumentException>(() => new Adam(0.1).Step(w, [1, 1, 1], m, v.AsSpan(0, 2), 2));
        Assert.Equal([1f, 2f, 3f], w);
        Assert.Equal([4f, 5f, 6f], m);
        Assert.Equal([7f, 8f, 9f], v);
    }

    [Fact]
    public void Momentum_zero_leaves_the_velocity_untouched_and_matches_plain_sgd()
    {
        float[] a = [1, -2, 3], b = [1, -2, 3], velocity = [7, 7, 7], g = [0.5f, 0.25f, -1];
        new Sgd(0.1, weightDecay: 0.01).Step(a, g);
        new Sgd(0.1, weightDecay: 0.01).Step(b, g, velocity, 3);
        Assert.Equal(a, b);
        Assert.Equal([7f, 7f, 7f], velocity);
    }

    [Fact]
    public void Hyper_parameters_are_kept_as_given()
    {
        var sgd = new Sgd(0.1, 0.9, 0.25, 1e-4);
        Assert.Equal((0.1, 0.9, 0.25, 1e-4, false), (sgd.LearningRate, sgd.Momentum, sgd.Dampening, sgd.WeightDecay, sgd.Nesterov));
        var adamW = new AdamW(0.01).WithLearningRate(0.02);
        Assert.Equal((0.02, 0.9, 0.999, 1e-8, 0.01), (adamW.LearningRate, adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay));
        var adam = new Adam(0.01);
        Assert.Equal((0.01, 0.9, 0.999, 1e-8, 0.0), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));
    }
}
