using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>A = 1 / (1 + e^−Z); dZ = dA · A (1 − A) (from the output).</summary>
/// <remarks>Forward is <see cref="VectorMath.Sigmoid(float)"/> (error bound <see cref="VectorMath.SigmoidMaxUlp"/> ULP).</remarks>
public readonly struct SigmoidOperator : IActivationOperator
{
    /// <inheritdoc/>
    public static SavedForBackward Saved => SavedForBackward.Output;

    /// <inheritdoc/>
    public float Forward(float z) => VectorMath.Sigmoid(z);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Forward(Vector128<float> z) => VectorMath.Sigmoid(z);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Forward(Vector256<float> z) => VectorMath.Sigmoid(z);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Forward(Vector512<float> z) => VectorMath.Sigmoid(z);

    // No fused multiply-add here, so the scalar overload gives the same bits as the vector lanes.
    // 1 − A is exact for A ≥ ½ (Sterbenz), where A (1 − A) would otherwise lose the most.

    /// <inheritdoc/>
    public float Backward(float dA, float saved) => dA * (saved * (1f - saved));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Backward(Vector128<float> dA, Vector128<float> saved) =>
        dA * (saved * (Vector128<float>.One - saved));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Backward(Vector256<float> dA, Vector256<float> saved) =>
        dA * (saved * (Vector256<float>.One - saved));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Backward(Vector512<float> dA, Vector512<float> saved) =>
        dA * (saved * (Vector512<float>.One - saved));
}
