namespace SimdMlp.Training;

/// <summary>Which update rule an <see cref="OptimizerSettings"/> describes (PyTorch's rules, from the kernels).</summary>
public enum OptimizerKind
{
    /// <summary>w ← w − lr·(g + λ·w).</summary>
    Sgd,

    /// <summary>v ← μ·v + g (v ← g on step 1); w ← w − lr·v, with g including λ·w.</summary>
    Momentum,

    /// <summary>Nesterov momentum: v ← μ·v + g; w ← w − lr·(g + μ·v).</summary>
    Nesterov,

    /// <summary>Adam, with weight decay as an L2 term added to the gradient.</summary>
    Adam,

    /// <summary>AdamW: Adam with decoupled weight decay, w ← w·(1 − lr·λ).</summary>
    AdamW,
}
