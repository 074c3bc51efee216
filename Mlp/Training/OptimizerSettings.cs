namespace SimdMlp.Training;

/// <summary>
/// An optimizer and its hyper-parameters (immutable). The learning rate is the base rate, which a
/// <see cref="LearningRateSchedule"/> scales per epoch. Create with <see cref="Sgd"/>, <see cref="Momentum"/>,
/// <see cref="Nesterov"/>, <see cref="Adam"/> or <see cref="AdamW"/>.
/// </summary>
public sealed record OptimizerSettings
{
    private OptimizerSettings(OptimizerKind kind, double learningRate, double momentum, double beta1, double beta2,
        double epsilon, double weightDecay)
    {
        Kind = kind;
        LearningRate = learningRate;
        MomentumFactor = momentum;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        // Validates every value once, here, with the kernels' own checks and messages.
        Validate(learningRate);
    }

    /// <summary>The update rule.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>The base learning rate lr ≥ 0.</summary>
    public double LearningRate { get; }

    /// <summary>μ for <see cref="OptimizerKind.Momentum"/> and <see cref="OptimizerKind.Nesterov"/>; 0 otherwise.</summary>
    public double MomentumFactor { get; }

    /// <summary>β₁ for Adam and AdamW.</summary>
    public double Beta1 { get; }

    /// <summary>β₂ for Adam and AdamW.</summary>
    public double Beta2 { get; }

    /// <summary>ε for Adam and AdamW.</summary>
    public double Epsilon { get; }

    /// <summary>λ: L2 penalty added to the gradient (SGD family, Adam), or decoupled decay (AdamW).</summary>
    public double WeightDecay { get; }

    /// <summary>The number of state buffers, each as long as the parameters: 0 (SGD), 1 (momentum) or 2 (Adam).</summary>
    public int StateBuffers => Kind switch
    {
        OptimizerKind.Sgd => 0,
        OptimizerKind.Momentum or OptimizerKind.Nesterov => 1,
        _ => 2,
    };

    /// <summary>Plain SGD: w ← w − lr·(g + λ·w).</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <param name="weightDecay">λ ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public static OptimizerSettings Sgd(double learningRate, double weightDecay = 0) =>
        new(OptimizerKind.Sgd, learningRate, 0, 0, 0, 0, weightDecay);

    /// <summary>SGD with (PyTorch) momentum.</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <param name="momentum">μ &gt; 0.</param>
    /// <param name="weightDecay">λ ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, NaN or infinite.</exception>
    public static OptimizerSettings Momentum(double learningRate, double momentum = 0.9, double weightDecay = 0) =>
        new(OptimizerKind.Momentum, learningRate, Positive(momentum), 0, 0, 0, weightDecay);

    /// <summary>SGD with Nesterov momentum.</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <param name="momentum">μ &gt; 0.</param>
    /// <param name="weightDecay">λ ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, NaN or infinite.</exception>
    public static OptimizerSettings Nesterov(double learningRate, double momentum = 0.9, double weightDecay = 0) =>
        new(OptimizerKind.Nesterov, learningRate, Positive(momentum), 0, 0, 0, weightDecay);

    /// <summary>Adam, weight decay as an L2 gradient term.</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε ≥ 0.</param>
    /// <param name="weightDecay">λ ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, NaN or infinite.</exception>
    public static OptimizerSettings Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0) =>
        new(OptimizerKind.Adam, learningRate, 0, beta1, beta2, epsilon, weightDecay);

    /// <summary>AdamW, decoupled weight decay (PyTorch's default λ is 0.01).</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε ≥ 0.</param>
    /// <param name="weightDecay">λ ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, NaN or infinite.</exception>
    public static OptimizerSettings AdamW(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0.01) =>
        new(OptimizerKind.AdamW, learningRate, 0, beta1, beta2, epsilon, weightDecay);

    /// <summary>
    /// One update of <paramref name="weights"/> with learning rate <paramref name="learningRate"/>;
    /// <paramref name="step"/> counts from 1. Allocation-free (the kernel optimizers are structs); large buffers are
    /// split over up to <paramref name="maxDegreeOfParallelism"/> threads with bit-identical results.
    /// </summary>
    internal void Step(double learningRate, Span<float> weights, ReadOnlySpan<float> gradients, Span<float> state1,
        Span<float> state2, int step, int maxDegreeOfParallelism)
    {
        switch (Kind)
        {
            case OptimizerKind.Sgd:
                new Kernels.Sgd(learningRate, weightDecay: WeightDecay).Step(weights, gradients, maxDegreeOfParallelism);
                break;
            case OptimizerKind.Momentum:
            case OptimizerKind.Nesterov:
                new Kernels.Sgd(learningRate, MomentumFactor, 0, WeightDecay, Kind == OptimizerKind.Nesterov)
                    .Step(weights, gradients, state1, step, maxDegreeOfParallelism);
                break;
            case OptimizerKind.Adam:
                new Kernels.Adam(learningRate, Beta1, Beta2, Epsilon, WeightDecay).Step(weights, gradients, state1, state2, step, maxDegreeOfParallelism);
                break;
            default:
                new Kernels.AdamW(learningRate, Beta1, Beta2, Epsilon, WeightDecay).Step(weights, gradients, state1, state2, step, maxDegreeOfParallelism);
                break;
        }
    }

    private void Validate(double learningRate)
    {
        switch (Kind)
        {
            case OptimizerKind.Sgd: _ = new Kernels.Sgd(learningRate, weightDecay: WeightDecay); break;
            case OptimizerKind.Momentum:
            case OptimizerKind.Nesterov:
                _ = new Kernels.Sgd(learningRate, MomentumFactor, 0, WeightDecay, Kind == OptimizerKind.Nesterov);
                break;
            case OptimizerKind.Adam: _ = new Kernels.Adam(learningRate, Beta1, Beta2, Epsilon, WeightDecay); break;
            default: _ = new Kernels.AdamW(learningRate, Beta1, Beta2, Epsilon, WeightDecay); break;
        }
    }

    private static double Positive(double momentum) => momentum > 0 && double.IsFinite(momentum)
        ? momentum
        : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"momentum must be finite and > 0, but is {momentum}.");
}
