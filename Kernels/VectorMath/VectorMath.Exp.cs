using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

public static partial class VectorMath
{
    /// <summary>e^x, within <see cref="ExpMaxUlp"/> ULP.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e^x: +∞ above ≈ 88.72, subnormal between ≈ −87.34 and −103.97, +0 below; NaN stays NaN.</returns>
    /// <remarks>Runs the 128-bit algorithm on one lane, so it gives the same bits as every vector overload.</remarks>
    public static float Exp(float x) => Exp(Vector128.CreateScalar(x)).ToScalar();

    /// <summary>e^x per lane, within <see cref="ExpMaxUlp"/> ULP.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e^x per lane (see <see cref="Exp(float)"/> for the special cases).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        // Clamping keeps n in the range ScaleB handles and already gives +∞ and +0 at the ends; NaN passes through.
        x = Vector128.Min(Vector128.Max(x, Vector128.Create(ExpReduction.ExpLowerClamp)),
            Vector128.Create(ExpReduction.ExpUpperClamp));
        Vector128<float> pm1 = ExpReduction.ExpM1Reduced(x, out Vector128<float> n);
        return ExpReduction.ScaleB(pm1 + Vector128<float>.One, n);
    }

    /// <inheritdoc cref="Exp(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(ExpReduction.ExpLowerClamp)),
            Vector256.Create(ExpReduction.ExpUpperClamp));
        Vector256<float> pm1 = ExpReduction.ExpM1Reduced(x, out Vector256<float> n);
        return ExpReduction.ScaleB(pm1 + Vector256<float>.One, n);
    }

    /// <inheritdoc cref="Exp(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(ExpReduction.ExpLowerClamp)),
            Vector512.Create(ExpReduction.ExpUpperClamp));
        Vector512<float> pm1 = ExpReduction.ExpM1Reduced(x, out Vector512<float> n);
        return ExpReduction.ScaleB(pm1 + Vector512<float>.One, n);
    }
}
