using System.Globalization;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>The optimizer variants under test.</summary>
public enum UpdateKind
{
    /// <summary>Plain SGD (no state).</summary>
    Sgd,

    /// <summary>SGD with (heavy-ball) momentum and dampening.</summary>
    Momentum,

    /// <summary>SGD with Nesterov momentum.</summary>
    Nesterov,

    /// <summary>Adam with L2 weight decay.</summary>
    Adam,

    /// <summary>AdamW (decoupled weight decay).</summary>
    AdamW,
}

/// <summary>An optimizer variant with its hyper-parameters, able to run one step on any SIMD path.</summary>
/// <param name="Kind">The variant.</param>
/// <param name="LearningRate">lr.</param>
/// <param name="WeightDecay">λ.</param>
/// <param name="Momentum">μ (SGD variants with momentum).</param>
/// <param name="Dampening">d (<see cref="UpdateKind.Momentum"/> only).</param>
/// <param name="Beta1">β₁ (Adam variants).</param>
/// <param name="Beta2">β₂ (Adam variants).</param>
/// <param name="Epsilon">ε (Adam variants).</param>
public sealed record UpdateRule(UpdateKind Kind, double LearningRate, double WeightDecay = 0, double Momentum = 0.9,
    double Dampening = 0, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8)
{
    /// <summary>State buffers the variant keeps: 0, 1 or 2.</summary>
    public int StateCount => Kind switch
    {
        UpdateKind.Sgd => 0,
        UpdateKind.Momentum or UpdateKind.Nesterov => 1,
        _ => 2,
    };

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        UpdateKind.Sgd => F($"Sgd(lr={LearningRate}, λ={WeightDecay})"),
        UpdateKind.Momentum => F($"Sgd(lr={LearningRate}, μ={Momentum}, d={Dampening}, λ={WeightDecay})"),
        UpdateKind.Nesterov => F($"Sgd(lr={LearningRate}, μ={Momentum}, nesterov, λ={WeightDecay})"),
        _ => F($"{Kind}(lr={LearningRate}, β₁={Beta1}, β₂={Beta2}, ε={Epsilon}, λ={WeightDecay})"),
    };

    /// <summary>
    /// One step through the kernel: on <paramref name="path"/>, or the public API when null, with up to
    /// <paramref name="threads"/> threads.
    /// </summary>
    public void Step(SimdPath? path, Span<float> weights, ReadOnlySpan<float> gradients, Span<float> state1,
        Span<float> state2, int step, int threads = 1)
    {
        var active = path ?? SimdCapabilities.ActivePath;
        switch (Kind)
        {
            case UpdateKind.Sgd when path is null:
                new Sgd(LearningRate, weightDecay: WeightDecay).Step(weights, gradients, threads);
                break;
            case UpdateKind.Sgd:
                new Sgd(LearningRate, weightDecay: WeightDecay).Step(active, weights, gradients, threads);
                break;
            case UpdateKind.Momentum or UpdateKind.Nesterov:
                var sgd = new Sgd(LearningRate, Momentum, Kind == UpdateKind.Nesterov ? 0 : Dampening, WeightDecay,
                    Kind == UpdateKind.Nesterov);
                if (path is null) sgd.Step(weights, gradients, state1, step, threads);
                else sgd.Step(active, weights, gradients, state1, step, threads);
                break;
            case UpdateKind.Adam:
                var adam = new Adam(LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
                if (path is null) adam.Step(weights, gradients, state1, state2, step, threads);
                else adam.Step(active, weights, gradients, state1, state2, step, threads);
                break;
            default:
                var adamW = new AdamW(LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
                if (path is null) adamW.Step(weights, gradients, state1, state2, step, threads);
                else adamW.Step(active, weights, gradients, state1, state2, step, threads);
                break;
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
