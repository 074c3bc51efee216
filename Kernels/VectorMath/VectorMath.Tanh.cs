using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

// tanh(x) = sign(x) · (−q), q = m / (m + 2), m = e^−2|x| − 1 ∈ (−1, 0] (the identity AMD's vrs4_tanhf uses).
// Unlike TensorPrimitives, m comes from an expm1 that keeps full relative precision near 0
// (m = 2^n·(e^r − 1) + (2^n − 1), exact for n = 0), so tanh of small |x| is as accurate as of large |x|.
public static partial class VectorMath
{
    /// <summary>Below this, e^v − 1 rounds to −1 (so tanh rounds to ±1 from |x| ≈ 9.01); keeps 2^n normal.</summary>
    private const float TanhLowerClamp = -20f;

    /// <summary>tanh(x), within <see cref="TanhMaxUlp"/> ULP.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh(x): ±1 from |x| ≈ 9.01, ±0 keeps its sign, NaN stays NaN.</returns>
    /// <remarks>Runs the 128-bit algorithm on one lane, so it gives the same bits as every vector overload.</remarks>
    public static float Tanh(float x) => Tanh(Vector128.CreateScalar(x)).ToScalar();

    /// <summary>tanh(x) per lane, within <see cref="TanhMaxUlp"/> ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh(x) per lane (see <see cref="Tanh(float)"/> for the special cases).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x)
    {
        Vector128<float> signMask = Vector128.Create(-0f);
        Vector128<float> v = Vector128.Max((x | signMask) * Vector128.Create(2f), Vector128.Create(TanhLowerClamp));
        Vector128<float> pm1 = ExpReduction.ExpM1Reduced(v, out Vector128<float> n);
        Vector128<float> s = ExpReduction.Pow2(n);
        Vector128<float> m = Vector128.MultiplyAddEstimate(s, pm1, s - Vector128<float>.One);
        Vector128<float> q = m / (m + Vector128.Create(2f));
        return Vector128.ConditionalSelect(signMask, x, q);
    }

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> signMask = Vector256.Create(-0f);
        Vector256<float> v = Vector256.Max((x | signMask) * Vector256.Create(2f), Vector256.Create(TanhLowerClamp));
        Vector256<float> pm1 = ExpReduction.ExpM1Reduced(v, out Vector256<float> n);
        Vector256<float> s = ExpReduction.Pow2(n);
        Vector256<float> m = Vector256.MultiplyAddEstimate(s, pm1, s - Vector256<float>.One);
        Vector256<float> q = m / (m + Vector256.Create(2f));
        return Vector256.ConditionalSelect(signMask, x, q);
    }

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> signMask = Vector512.Create(-0f);
        Vector512<float> v = Vector512.Max((x | signMask) * Vector512.Create(2f), Vector512.Create(TanhLowerClamp));
        Vector512<float> pm1 = ExpReduction.ExpM1Reduced(v, out Vector512<float> n);
        Vector512<float> s = ExpReduction.Pow2(n);
        Vector512<float> m = Vector512.MultiplyAddEstimate(s, pm1, s - Vector512<float>.One);
        Vector512<float> q = m / (m + Vector512.Create(2f));
        return Vector512.ConditionalSelect(signMask, x, q);
    }
}
