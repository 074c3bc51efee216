using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// A = ½ Z (1 + tanh(√(2/π) (Z + 0.044715 Z³))) = Z · σ(w), w = Z (k₁ + k₃ Z²);
/// dZ = dA · (s + Z s (1 − s) (k₁ + 3 k₃ Z²)), s = σ(w) (from the input Z).
/// </summary>
/// <remarks>
/// <para>
/// The tanh form of GELU (PyTorch <c>approximate='tanh'</c>), rewritten with ½(1 + tanh(u)) = σ(2u), so k₁ = 2√(2/π) and
/// k₃ = 0.044715 k₁. σ is the overflow-free one of <see cref="VectorMath.Sigmoid(float)"/>, so the far negative tail is
/// a tiny negative number, not the −0 that 1 + tanh(u) rounding to 0 gives. GELU(−∞) = −∞ · 0 = NaN, like the formula.
/// </para>
/// <para>
/// The derivative cannot be recovered from A (GELU is not monotonic), so the forward pass must keep Z. It uses
/// s (1 − s) = e / (1 + e)² with e = e^−|w|, which keeps full precision where s is within rounding of 1. For
/// |Z| ≥ 30 the derivative is exactly s (0 or 1): Z is clamped there so that Z³ cannot overflow into ∞ · 0.
/// </para>
/// <para>
/// Error: |A − GELU(Z)| ≤ 4 ULP(A) + |w| · 2^−23 · |A|. The second term is the condition number of e^w: w is rounded
/// once from the float Z, and in the negative tail A ≈ Z e^w inherits that relative error times |w|.
/// </para>
/// </remarks>
public readonly struct GeluOperator : IActivationOperator
{
    /// <summary>k₁ = 2 √(2/π).</summary>
    private const float K1 = 1.5957691216057308f;

    /// <summary>k₃ = 0.044715 · k₁.</summary>
    private const float K3 = 0.0713548162726f;

    /// <summary>|Z| beyond which the derivative is exactly 0 or 1 in float.</summary>
    private const float DerivativeClamp = 30f;

    /// <inheritdoc/>
    public static SavedForBackward Saved => SavedForBackward.Input;

    /// <inheritdoc/>
    public float Forward(float z) => Forward(Vector128.CreateScalar(z)).ToScalar();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Forward(Vector128<float> z) =>
        z * VectorMath.Sigmoid(z * Vector128.MultiplyAddEstimate(z * z, Vector128.Create(K3), Vector128.Create(K1)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Forward(Vector256<float> z) =>
        z * VectorMath.Sigmoid(z * Vector256.MultiplyAddEstimate(z * z, Vector256.Create(K3), Vector256.Create(K1)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Forward(Vector512<float> z) =>
        z * VectorMath.Sigmoid(z * Vector512.MultiplyAddEstimate(z * z, Vector512.Create(K3), Vector512.Create(K1)));

    /// <inheritdoc/>
    public float Backward(float dA, float saved) =>
        Backward(Vector128.CreateScalar(dA), Vector128.CreateScalar(saved)).ToScalar();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Backward(Vector128<float> dA, Vector128<float> saved)
    {
        Vector128<float> z = saved;
        Vector128<float> w = z * Vector128.MultiplyAddEstimate(z * z, Vector128.Create(K3), Vector128.Create(K1));
        Vector128<float> e = VectorMath.ExpOfMinusAbs(w);
        Vector128<float> d = Vector128<float>.One / (Vector128<float>.One + e);
        Vector128<float> s = Vector128.ConditionalSelect(Vector128.LessThan(w, Vector128<float>.Zero), e, Vector128<float>.One) * d;
        Vector128<float> zc = Vector128.Min(Vector128.Max(z, Vector128.Create(-DerivativeClamp)), Vector128.Create(DerivativeClamp));
        Vector128<float> zdw = zc * Vector128.MultiplyAddEstimate(zc * zc, Vector128.Create(3 * K3), Vector128.Create(K1));
        return dA * Vector128.MultiplyAddEstimate(zdw, e * d * d, s);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Backward(Vector256<float> dA, Vector256<float> saved)
    {
        Vector256<float> z = saved;
        Vector256<float> w = z * Vector256.MultiplyAddEstimate(z * z, Vector256.Create(K3), Vector256.Create(K1));
        Vector256<float> e = VectorMath.ExpOfMinusAbs(w);
        Vector256<float> d = Vector256<float>.One / (Vector256<float>.One + e);
        Vector256<float> s = Vector256.ConditionalSelect(Vector256.LessThan(w, Vector256<float>.Zero), e, Vector256<float>.One) * d;
        Vector256<float> zc = Vector256.Min(Vector256.Max(z, Vector256.Create(-DerivativeClamp)), Vector256.Create(DerivativeClamp));
        Vector256<float> zdw = zc * Vector256.MultiplyAddEstimate(zc * zc, Vector256.Create(3 * K3), Vector256.Create(K1));
        return dA * Vector256.MultiplyAddEstimate(zdw, e * d * d, s);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Backward(Vector512<float> dA, Vector512<float> saved)
    {
        Vector512<float> z = saved;
        Vector512<float> w = z * Vector512.MultiplyAddEstimate(z * z, Vector512.Create(K3), Vector512.Create(K1));
        Vector512<float> e = VectorMath.ExpOfMinusAbs(w);
        Vector512<float> d = Vector512<float>.One / (Vector512<float>.One + e);
        Vector512<float> s = Vector512.ConditionalSelect(Vector512.LessThan(w, Vector512<float>.Zero), e, Vector512<float>.One) * d;
        Vector512<float> zc = Vector512.Min(Vector512.Max(z, Vector512.Create(-DerivativeClamp)), Vector512.Create(DerivativeClamp));
        Vector512<float> zdw = zc * Vector512.MultiplyAddEstimate(zc * zc, Vector512.Create(3 * K3), Vector512.Create(K1));
        return dA * Vector512.MultiplyAddEstimate(zdw, e * d * d, s);
    }
}
