namespace SimdMlp.Kernels;

/// <summary>
/// A run-time choice of elementwise activation: its <see cref="ActivationKind"/> and, for leaky ReLU, its slope.
/// An <see cref="ActivationKind"/> converts implicitly (leaky ReLU then gets <see cref="LeakyReluOperator.DefaultSlope"/>).
/// </summary>
public readonly record struct ActivationFunction
{
    /// <summary>An activation of the given kind.</summary>
    /// <param name="kind">Which activation.</param>
    /// <param name="leakySlope">The negative-side slope, used only by <see cref="ActivationKind.LeakyRelu"/>: finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined or <paramref name="leakySlope"/> is invalid.</exception>
    public ActivationFunction(ActivationKind kind, float leakySlope = LeakyReluOperator.DefaultSlope)
    {
        // A range test rather than Enum.IsDefined: this runs on every SgemmBiasActivation call that passes an
        // ActivationKind, and IsDefined cost ~25 ns there, 1.4 % of the fused [64,128]·[128,10] layer.
        if ((uint)kind > (uint)ActivationKind.Gelu) throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{kind} is not an ActivationKind.");
        if (!(leakySlope >= 0f && float.IsFinite(leakySlope)))
        {
            throw new ArgumentOutOfRangeException(nameof(leakySlope), leakySlope,
                $"leakySlope must be finite and non-negative, but is {leakySlope}.");
        }

        Kind = kind;
        LeakySlope = leakySlope;
    }

    /// <summary>Which activation.</summary>
    public ActivationKind Kind { get; }

    /// <summary>The negative-side slope of <see cref="ActivationKind.LeakyRelu"/>; ignored by the other kinds.</summary>
    public float LeakySlope { get; }

    /// <summary>Which forward value the backward pass reads: the output A for all kinds except GELU, which needs Z.</summary>
    public SavedForBackward Saved => Kind == ActivationKind.Gelu ? GeluOperator.Saved : SavedForBackward.Output;

    /// <summary>The activation of the given kind, with the default leaky slope.</summary>
    /// <param name="kind">Which activation.</param>
    public static implicit operator ActivationFunction(ActivationKind kind) => new(kind);
}
