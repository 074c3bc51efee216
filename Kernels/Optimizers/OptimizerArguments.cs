namespace SimdMlp.Kernels;

/// <summary>
/// Validation of optimizer hyper-parameters (once, in the constructors) and buffers (once per step, before anything
/// is written). The ranges are PyTorch's; NaN and infinities are rejected too.
/// </summary>
internal static class OptimizerArguments
{
    /// <summary>0 ≤ value &lt; ∞.</summary>
    public static double NonNegative(double value, string name) => double.IsFinite(value) && value >= 0
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative, but is {value}.");

    /// <summary>0 ≤ value &lt; 1.</summary>
    public static double Beta(double value, string name) => value is >= 0 and < 1
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1), but is {value}.");

    /// <summary>A finite value.</summary>
    public static double Finite(double value, string name) => double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, but is {value}.");

    /// <summary>Step counts from 1.</summary>
    public static void Step(int step)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, $"step counts from 1, but is {step}.");
    }

    /// <summary>At least one thread.</summary>
    public static void Parallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                $"maxDegreeOfParallelism must be at least 1, but is {maxDegreeOfParallelism}.");
        }
    }

    /// <summary>Throws when an optimizer is <c>default</c>, that is, never constructed.</summary>
    public static void Constructed(bool constructed, string type)
    {
        if (!constructed)
        {
            throw new InvalidOperationException(
                $"This {type} is default({type}) and has no hyper-parameters: create it with new {type}(learningRate, ...).");
        }
    }

    /// <summary>
    /// Checks that gradients and each state buffer have the length of weights, and that no two of the buffers overlap.
    /// Pass an empty name for an unused state buffer.
    /// </summary>
    public static void Buffers(ReadOnlySpan<float> weights, ReadOnlySpan<float> gradients,
        ReadOnlySpan<float> state1 = default, string state1Name = "", ReadOnlySpan<float> state2 = default,
        string state2Name = "")
    {
        SameLength(gradients, "gradients", weights.Length);
        if (state1Name.Length != 0) SameLength(state1, state1Name, weights.Length);
        if (state2Name.Length != 0) SameLength(state2, state2Name, weights.Length);

        Apart(gradients, "gradients", weights, "weights");
        Apart(state1, state1Name, weights, "weights");
        Apart(state1, state1Name, gradients, "gradients");
        Apart(state2, state2Name, weights, "weights");
        Apart(state2, state2Name, gradients, "gradients");
        Apart(state2, state2Name, state1, state1Name);
    }

    private static void SameLength(ReadOnlySpan<float> buffer, string name, int length)
    {
        if (buffer.Length != length)
        {
            throw new ArgumentException(
                $"{name} has {buffer.Length} elements, but weights has {length}: they must have the same length.", name);
        }
    }

    private static void Apart(ReadOnlySpan<float> buffer, string name, ReadOnlySpan<float> other, string otherName)
    {
        if (buffer.Overlaps(other))
        {
            throw new ArgumentException($"{name} overlaps {otherName}: they must be separate buffers.", name);
        }
    }
}
