using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>A = max(Z, 0); dZ = A &gt; 0 ? dA : 0 (from the output; ReLU′(0) = 0).</summary>
/// <remarks>
/// max is IEEE 754 maximum: NaN stays NaN and −0 gives +0. A &gt; 0 exactly when Z &gt; 0, so the derivative needs only A
/// and the forward pass may overwrite Z. A NaN output gets a zero gradient.
/// Backward is a select against zero rather than <c>dA &amp; mask</c>: the JIT emits the same vandps at 128 and 256
/// bits, but at 512 bits a zero-masked vblendmps instead of expanding the compare's k-mask into a vector (vpmovm2d) first.
/// </remarks>
public readonly struct ReluOperator : IActivationOperator
{
    /// <inheritdoc/>
    public static SavedForBackward Saved => SavedForBackward.Output;

    /// <inheritdoc/>
    public float Forward(float z) => MathF.Max(z, 0f);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Forward(Vector128<float> z) => Vector128.Max(z, Vector128<float>.Zero);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Forward(Vector256<float> z) => Vector256.Max(z, Vector256<float>.Zero);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Forward(Vector512<float> z) => Vector512.Max(z, Vector512<float>.Zero);

    /// <inheritdoc/>
    public float Backward(float dA, float saved) => saved > 0f ? dA : 0f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Backward(Vector128<float> dA, Vector128<float> saved) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(saved, Vector128<float>.Zero), dA, Vector128<float>.Zero);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Backward(Vector256<float> dA, Vector256<float> saved) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(saved, Vector256<float>.Zero), dA, Vector256<float>.Zero);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Backward(Vector512<float> dA, Vector512<float> saved) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(saved, Vector512<float>.Zero), dA, Vector512<float>.Zero);
}
