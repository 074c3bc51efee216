namespace SimdMlp;

/// <summary>The outcome of a <see cref="GradientCheck"/>: one comparison per tensor.</summary>
public sealed class GradientCheckResult
{
    internal GradientCheckResult(IReadOnlyList<TensorGradientCheck> tensors, double loss, double referenceLoss)
    {
        Tensors = tensors;
        Loss = loss;
        ReferenceLoss = referenceLoss;
        foreach (TensorGradientCheck t in tensors)
        {
            MaxAbsoluteError = Math.Max(MaxAbsoluteError, t.MaxAbsoluteError);
            MaxRelativeError = Math.Max(MaxRelativeError, t.MaxRelativeError);
        }
    }

    /// <summary>W0, b0, W1, b1, …, then X.</summary>
    public IReadOnlyList<TensorGradientCheck> Tensors { get; }

    /// <summary>The loss the float network computed.</summary>
    public double Loss { get; }

    /// <summary>The loss the double-precision reference computed.</summary>
    public double ReferenceLoss { get; }

    /// <summary>The largest <see cref="TensorGradientCheck.MaxAbsoluteError"/>.</summary>
    public double MaxAbsoluteError { get; }

    /// <summary>The largest <see cref="TensorGradientCheck.MaxRelativeError"/>.</summary>
    public double MaxRelativeError { get; }

    /// <summary>Whether every tensor is <see cref="TensorGradientCheck.IsWithin"/> the tolerances.</summary>
    /// <param name="absoluteTolerance">The absolute part of the bound.</param>
    /// <param name="relativeTolerance">The part proportional to the numeric value.</param>
    public bool IsWithin(double absoluteTolerance, double relativeTolerance)
    {
        foreach (TensorGradientCheck t in Tensors)
        {
            if (!t.IsWithin(absoluteTolerance, relativeTolerance)) return false;
        }

        return true;
    }

    /// <summary>The losses and one line per tensor.</summary>
    public override string ToString() => FormattableString.Invariant($"loss {Loss:G9} (reference {ReferenceLoss:G9})")
        + Environment.NewLine + string.Join(Environment.NewLine, Tensors);
}
