namespace SimdMlp.Kernels;

/// <summary>
/// Stochastic gradient descent, as PyTorch's <c>torch.optim.SGD</c>: g ← g + λ·w; with momentum μ,
/// v ← μ·v + (1 − d)·g (v ← g on step 1) and g ← v, or with Nesterov g ← g + μ·v; then w ← w − lr·g.
/// </summary>
/// <remarks>
/// <para>
/// One fused pass over flat buffers (a whole parameter slab at once), vectorised, allocation-free. Hyper-parameters
/// are doubles, as in PyTorch, and each derived scalar (such as 1 − d) is rounded to float once.
/// </para>
/// <para>
/// The caller owns the velocity buffer and counts steps from 1. On step 1 the velocity is set to the gradient, so the
/// buffer need not be cleared first. All SIMD paths give bit-identical results.
/// </para>
/// </remarks>
public readonly struct Sgd
{
    private readonly bool _constructed;

    /// <summary>Creates the optimizer, checking the hyper-parameters against PyTorch's ranges.</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <param name="momentum">μ ≥ 0; 0 means plain SGD, with no velocity.</param>
    /// <param name="dampening">d, finite; PyTorch's default is 0.</param>
    /// <param name="weightDecay">λ ≥ 0, L2 penalty added to the gradient.</param>
    /// <param name="nesterov">Nesterov momentum; needs μ &gt; 0 and d = 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range, NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> without momentum or with dampening.</exception>
    public Sgd(double learningRate, double momentum = 0, double dampening = 0, double weightDecay = 0,
        bool nesterov = false)
    {
        LearningRate = OptimizerArguments.NonNegative(learningRate, nameof(learningRate));
        Momentum = OptimizerArguments.NonNegative(momentum, nameof(momentum));
        Dampening = OptimizerArguments.Finite(dampening, nameof(dampening));
        WeightDecay = OptimizerArguments.NonNegative(weightDecay, nameof(weightDecay));
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException(
                $"Nesterov momentum needs momentum > 0 and dampening = 0, but momentum is {momentum} and dampening is {dampening}.",
                nameof(nesterov));
        }

        Nesterov = nesterov;
        _constructed = true;
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>μ; 0 for plain SGD.</summary>
    public double Momentum { get; }

    /// <summary>d.</summary>
    public double Dampening { get; }

    /// <summary>λ, the L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>Whether the momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    /// <summary>The same optimizer with another learning rate, for schedules.</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <returns>A copy with <see cref="LearningRate"/> replaced.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is negative, NaN or infinite.</exception>
    public Sgd WithLearningRate(double learningRate) => new(learningRate, Momentum, Dampening, WeightDecay, Nesterov);

    /// <summary>One step of plain SGD (no momentum): w ← w − lr·(g + λ·w).</summary>
    /// <param name="weights">w, updated in place.</param>
    /// <param name="gradients">g, the same length.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, the caller's included; large buffers (≥ 32 Ki floats) are
    /// split into element ranges, so the result is bit-identical whatever the count.</param>
    /// <exception cref="ArgumentException">The lengths differ or the buffers overlap.</exception>
    /// <exception cref="InvalidOperationException">This optimizer has momentum (use the overload with a velocity) or is default.</exception>
    public void Step(Span<float> weights, ReadOnlySpan<float> gradients, int maxDegreeOfParallelism = 1) =>
        Step(SimdCapabilities.ActivePath, weights, gradients, maxDegreeOfParallelism);

    /// <summary>One step of SGD with a velocity buffer (unused, but checked, when <see cref="Momentum"/> is 0).</summary>
    /// <param name="weights">w, updated in place.</param>
    /// <param name="gradients">g, the same length.</param>
    /// <param name="velocity">v, the same length, updated in place; ignored as input on step 1.</param>
    /// <param name="step">The step number, from 1.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, the caller's included; large buffers (≥ 32 Ki floats) are
    /// split into element ranges, so the result is bit-identical whatever the count.</param>
    /// <exception cref="ArgumentException">The lengths differ or the buffers overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">This optimizer is default.</exception>
    public void Step(Span<float> weights, ReadOnlySpan<float> gradients, Span<float> velocity, int step, int maxDegreeOfParallelism = 1) =>
        Step(SimdCapabilities.ActivePath, weights, gradients, velocity, step, maxDegreeOfParallelism);

    /// <summary><see cref="Step(Span{float}, ReadOnlySpan{float}, int)"/> on a given path, for tests and benchmarks.</summary>
    internal void Step(SimdPath path, Span<float> weights, ReadOnlySpan<float> gradients, int maxDegreeOfParallelism = 1)
    {
        OptimizerArguments.Parallelism(maxDegreeOfParallelism);
        OptimizerArguments.Constructed(_constructed, nameof(Sgd));
        if (Momentum != 0)
        {
            throw new InvalidOperationException(
                $"This Sgd has momentum {Momentum}, which needs a velocity buffer: call Step(weights, gradients, velocity, step).");
        }

        OptimizerArguments.Buffers(weights, gradients);
        UpdateDriver.Run(path, new SgdOperator(LearningRate, WeightDecay), weights, gradients, default, default, maxDegreeOfParallelism);
    }

    /// <summary><see cref="Step(Span{float}, ReadOnlySpan{float}, Span{float}, int, int)"/> on a given path, for tests and benchmarks.</summary>
    internal void Step(SimdPath path, Span<float> weights, ReadOnlySpan<float> gradients, Span<float> velocity, int step, int maxDegreeOfParallelism = 1)
    {
        OptimizerArguments.Parallelism(maxDegreeOfParallelism);
        OptimizerArguments.Constructed(_constructed, nameof(Sgd));
        OptimizerArguments.Buffers(weights, gradients, velocity, nameof(velocity));
        OptimizerArguments.Step(step);
        if (Momentum == 0)
        {
            UpdateDriver.Run(path, new SgdOperator(LearningRate, WeightDecay), weights, gradients, default, default, maxDegreeOfParallelism);
        }
        else if (Nesterov)
        {
            UpdateDriver.Run(path, new SgdNesterovOperator(LearningRate, WeightDecay, Momentum, step), weights,
                gradients, velocity, default, maxDegreeOfParallelism);
        }
        else
        {
            UpdateDriver.Run(path, new SgdMomentumOperator(LearningRate, WeightDecay, Momentum, Dampening, step),
                weights, gradients, velocity, default, maxDegreeOfParallelism);
        }
    }
}
