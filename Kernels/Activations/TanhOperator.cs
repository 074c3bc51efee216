using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>A = tanh(Z); dZ = dA · (1 − A²) (from the output).</summary>
/// <remarks>
/// Forward is <see cref="VectorMath.Tanh(float)"/> (error bound <see cref="VectorMath.TanhMaxUlp"/> ULP). 1 − A² is
/// evaluated as (1 − A)(1 + A): 1 − A is exact for |A| ≥ ½, so the derivative keeps its relative precision as A → ±1
/// without needing a fused multiply-add (which would make the scalar and vector results differ).
/// </remarks>
public readonly struct TanhOperator : IActivationOperator
{
    /// <inheritdoc/>
    public static SavedForBackward Saved => SavedForBackward.Output;

    /// <inheritdoc/>
    public float Forward(float z) => VectorMath.Tanh(z);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Forward(Vector128<float> z) => VectorMath.Tanh(z);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Forward(Vector256<float> z) => VectorMath.Tanh(z);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Forward(Vector512<float> z) => VectorMath.Tanh(z);

    /// <inheritdoc/>
    public float Backward(float dA, float saved) => dA * ((1f - saved) * (1f + saved));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Backward(Vector128<float> dA, Vector128<float> saved) =>
        dA * ((Vector128<float>.One - saved) * (Vector128<float>.One + saved));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Backward(Vector256<float> dA, Vector256<float> saved) =>
        dA * ((Vector256<float>.One - saved) * (Vector256<float>.One + saved));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Backward(Vector512<float> dA, Vector512<float> saved) =>
        dA * ((Vector512<float>.One - saved) * (Vector512<float>.One + saved));
}
