using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

// σ(x) = 1 / (1 + e^−x) is evaluated as σ(x) = 1 / (1 + e) for x ≥ 0 and e / (1 + e) for x < 0, with
// e = e^−|x| ≤ 1. Nothing overflows, and for x < −87.3 the result is the correctly scaled subnormal
// instead of the 0 that 1 / (1 + ∞) gives.
public static partial class VectorMath
{
    /// <summary>σ(x) = 1 / (1 + e^−x), within <see cref="SigmoidMaxUlp"/> ULP.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>σ(x) in [0, 1]: 0 for x ≤ −103.97 (subnormal from −87.3), 1 from x ≈ 16.6; NaN stays NaN.</returns>
    /// <remarks>Runs the 128-bit algorithm on one lane, so it gives the same bits as every vector overload.</remarks>
    public static float Sigmoid(float x) => Sigmoid(Vector128.CreateScalar(x)).ToScalar();

    /// <summary>σ(x) = 1 / (1 + e^−x) per lane, within <see cref="SigmoidMaxUlp"/> ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>σ(x) per lane (see <see cref="Sigmoid(float)"/> for the special cases).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x)
    {
        Vector128<float> e = ExpOfMinusAbs(x);
        Vector128<float> numerator = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<float>.Zero), e, Vector128<float>.One);
        return numerator / (Vector128<float>.One + e);
    }

    /// <inheritdoc cref="Sigmoid(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x)
    {
        Vector256<float> e = ExpOfMinusAbs(x);
        Vector256<float> numerator = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), e, Vector256<float>.One);
        return numerator / (Vector256<float>.One + e);
    }

    /// <inheritdoc cref="Sigmoid(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x)
    {
        Vector512<float> e = ExpOfMinusAbs(x);
        Vector512<float> numerator = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), e, Vector512<float>.One);
        return numerator / (Vector512<float>.One + e);
    }

    /// <summary>e^−|x| in [0, 1]; NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> ExpOfMinusAbs(Vector128<float> x)
    {
        // x | −0 sets the sign bit: −|x|. Only the lower clamp is needed.
        Vector128<float> v = Vector128.Max(x | Vector128.Create(-0f), Vector128.Create(ExpReduction.ExpLowerClamp));
        Vector128<float> pm1 = ExpReduction.ExpM1Reduced(v, out Vector128<float> n);
        return ExpReduction.ScaleB(pm1 + Vector128<float>.One, n);
    }

    /// <inheritdoc cref="ExpOfMinusAbs(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> ExpOfMinusAbs(Vector256<float> x)
    {
        Vector256<float> v = Vector256.Max(x | Vector256.Create(-0f), Vector256.Create(ExpReduction.ExpLowerClamp));
        Vector256<float> pm1 = ExpReduction.ExpM1Reduced(v, out Vector256<float> n);
        return ExpReduction.ScaleB(pm1 + Vector256<float>.One, n);
    }

    /// <inheritdoc cref="ExpOfMinusAbs(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> ExpOfMinusAbs(Vector512<float> x)
    {
        Vector512<float> v = Vector512.Max(x | Vector512.Create(-0f), Vector512.Create(ExpReduction.ExpLowerClamp));
        Vector512<float> pm1 = ExpReduction.ExpM1Reduced(v, out Vector512<float> n);
        return ExpReduction.ScaleB(pm1 + Vector512<float>.One, n);
    }
}
