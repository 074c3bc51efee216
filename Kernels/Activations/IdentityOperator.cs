using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>A = Z; dZ = dA (the saved value is ignored).</summary>
public readonly struct IdentityOperator : IActivationOperator
{
    /// <inheritdoc/>
    public static SavedForBackward Saved => SavedForBackward.Output;

    /// <inheritdoc/>
    public float Forward(float z) => z;

    /// <inheritdoc/>
    public Vector128<float> Forward(Vector128<float> z) => z;

    /// <inheritdoc/>
    public Vector256<float> Forward(Vector256<float> z) => z;

    /// <inheritdoc/>
    public Vector512<float> Forward(Vector512<float> z) => z;

    /// <inheritdoc/>
    public float Backward(float dA, float saved) => dA;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Backward(Vector128<float> dA, Vector128<float> saved) => dA;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Backward(Vector256<float> dA, Vector256<float> saved) => dA;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Backward(Vector512<float> dA, Vector512<float> saved) => dA;
}
