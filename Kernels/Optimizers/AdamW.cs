namespace SimdMlp.Kernels;

/// <summary>
/// AdamW, as PyTorch's <c>torch.optim.AdamW</c>: w ← w·(1 − lr·λ); m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²;
/// m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); w ← w − lr·m̂/(√v̂ + ε).
/// </summary>
/// <remarks>
/// <para>
/// Weight decay is decoupled: it shrinks the weights directly and never enters the moments (for an L2 penalty on
/// the gradient use <see cref="Adam"/>). One fused pass over flat buffers, vectorised, allocation-free; see
/// <c>AdamOperator</c> for the exact float operations. Hyper-parameters are doubles, as in PyTorch, and each derived
/// scalar (1 − lr·λ, 1 − β, the bias corrections) is computed in double and rounded to float once per step.
/// </para>
/// <para>
/// The caller owns the two moment buffers and counts steps from 1. On step 1 both moments start from 0 whatever
/// the buffers hold, so they need not be cleared first. All SIMD paths give bit-identical results.
/// </para>
/// </remarks>
public readonly struct AdamW
{
    private readonly bool _constructed;

    /// <summary>Creates the optimizer, checking the hyper-parameters against PyTorch's ranges.</summary>
    /// <param name="learningRate">lr ≥ 0 (PyTorch's default is 1e-3).</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε ≥ 0, added to √v̂.</param>
    /// <param name="weightDecay">λ ≥ 0, decoupled decay (PyTorch's default is 1e-2).</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range, NaN or infinite.</exception>
    public AdamW(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8,
        double weightDecay = 1e-2)
    {
        LearningRate = OptimizerArguments.NonNegative(learningRate, nameof(learningRate));
        Beta1 = OptimizerArguments.Beta(beta1, nameof(beta1));
        Beta2 = OptimizerArguments.Beta(beta2, nameof(beta2));
        Epsilon = OptimizerArguments.NonNegative(epsilon, nameof(epsilon));
        WeightDecay = OptimizerArguments.NonNegative(weightDecay, nameof(weightDecay));
        _constructed = true;
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>β₁, the decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>λ, the decoupled weight decay.</summary>
    public double WeightDecay { get; }

    /// <summary>The same optimizer with another learning rate, for schedules.</summary>
    /// <param name="learningRate">lr ≥ 0.</param>
    /// <returns>A copy with <see cref="LearningRate"/> replaced.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is negative, NaN or infinite.</exception>
    public AdamW WithLearningRate(double learningRate) => new(learningRate, Beta1, Beta2, Epsilon, WeightDecay);

    /// <summary>One AdamW step over flat buffers of one length.</summary>
    /// <param name="weights">w, updated in place.</param>
    /// <param name="gradients">g.</param>
    /// <param name="firstMoment">m, updated in place; ignored as input on step 1.</param>
    /// <param name="secondMoment">v, updated in place; ignored as input on step 1.</param>
    /// <param name="step">t, the step number, from 1.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use, the caller's included; large buffers (≥ 32 Ki floats) are
    /// split into element ranges, so the result is bit-identical whatever the count.</param>
    /// <exception cref="ArgumentException">The lengths differ or the buffers overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">This optimizer is default.</exception>
    public void Step(Span<float> weights, ReadOnlySpan<float> gradients, Span<float> firstMoment,
        Span<float> secondMoment, int step, int maxDegreeOfParallelism = 1) =>
        Step(SimdCapabilities.ActivePath, weights, gradients, firstMoment, secondMoment, step, maxDegreeOfParallelism);

    /// <summary><see cref="Step(Span{float}, ReadOnlySpan{float}, Span{float}, Span{float}, int, int)"/> on a given path, for tests and benchmarks.</summary>
    internal void Step(SimdPath path, Span<float> weights, ReadOnlySpan<float> gradients, Span<float> firstMoment,
        Span<float> secondMoment, int step, int maxDegreeOfParallelism = 1)
    {
        OptimizerArguments.Parallelism(maxDegreeOfParallelism);
        OptimizerArguments.Constructed(_constructed, nameof(AdamW));
        OptimizerArguments.Buffers(weights, gradients, firstMoment, nameof(firstMoment), secondMoment,
            nameof(secondMoment));
        OptimizerArguments.Step(step);
        var op = new AdamOperator(LearningRate, Beta1, Beta2, Epsilon, l2: 0, decoupledDecay: WeightDecay, step);
        UpdateDriver.Run(path, op, weights, gradients, firstMoment, secondMoment, maxDegreeOfParallelism);
    }
}
