using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>A = Z &gt; 0 ? Z : slope · Z; dZ = A &gt; 0 ? dA : slope · dA (from the output; derivative at 0 = slope, as PyTorch).</summary>
/// <remarks>
/// The slope must be finite and non-negative: then A &gt; 0 exactly when Z &gt; 0, so the derivative needs only A.
/// <c>new LeakyReluOperator()</c> has the PyTorch default slope <see cref="DefaultSlope"/>; <c>default(LeakyReluOperator)</c>
/// has slope 0 and behaves as ReLU (except that NaN and −0 pass through as 0 · Z).
/// </remarks>
public readonly struct LeakyReluOperator : IActivationOperator
{
    /// <summary>PyTorch's default negative slope, 0.01.</summary>
    public const float DefaultSlope = 0.01f;

    private readonly float _slope;

    /// <summary>A leaky ReLU with slope <see cref="DefaultSlope"/>.</summary>
    public LeakyReluOperator() : this(DefaultSlope) { }

    /// <summary>A leaky ReLU with the given slope for Z ≤ 0.</summary>
    /// <param name="slope">The negative-side slope: finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slope"/> is negative, infinite or NaN.</exception>
    public LeakyReluOperator(float slope)
    {
        if (!(slope >= 0f && float.IsFinite(slope)))
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope,
                $"slope must be finite and non-negative (the derivative is computed from the output), but is {slope}.");
        }

        _slope = slope;
    }

    /// <summary>The negative-side slope.</summary>
    public float Slope => _slope;

    /// <inheritdoc/>
    public static SavedForBackward Saved => SavedForBackward.Output;

    /// <inheritdoc/>
    public float Forward(float z) => z > 0f ? z : z * _slope;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Forward(Vector128<float> z) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<float>.Zero), z, z * _slope);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Forward(Vector256<float> z) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), z, z * _slope);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Forward(Vector512<float> z) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<float>.Zero), z, z * _slope);

    /// <inheritdoc/>
    public float Backward(float dA, float saved) => saved > 0f ? dA : dA * _slope;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Backward(Vector128<float> dA, Vector128<float> saved) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(saved, Vector128<float>.Zero), dA, dA * _slope);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Backward(Vector256<float> dA, Vector256<float> saved) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(saved, Vector256<float>.Zero), dA, dA * _slope);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Backward(Vector512<float> dA, Vector512<float> saved) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(saved, Vector512<float>.Zero), dA, dA * _slope);
}
