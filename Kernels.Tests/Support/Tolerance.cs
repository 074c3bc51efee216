using System.Globalization;

namespace SimdMlp.Kernels.Tests.Support;

/// <summary>
/// Error bounds for single-precision results checked against a double-precision reference, and bit-level
/// comparison helpers.
/// </summary>
/// <remarks>
/// <para>
/// A float sum of <c>k</c> products, computed in any order (blocked, vectorised, with or without FMA), differs from
/// the exact value by at most about <c>k·u·Σ|terms|</c>, where u = 2⁻²⁴ is the unit round-off (the classic
/// γ_k bound). Scaling by alpha, adding beta·c and the extra additions of K-blocking add a few more roundings.
/// <see cref="DotBound"/> therefore allows <c>c0·(k+1)·ε·(Σ|terms|)</c> with ε = 2⁻²³ = 2u and a safety factor
/// c0 (default 2), plus a tiny absolute floor, so the bound tightens with small k and small magnitudes instead
/// of being one loose tolerance for every shape.
/// </para>
/// <para>
/// The magnitude <c>Σ|terms|</c> must be computed by the reference (for GEMM: Σ_p |alpha·a_ip·b_pj| + |beta·c_ij|),
/// not from the result under test.
/// </para>
/// </remarks>
public static class Tolerance
{
    /// <summary>Machine epsilon of <see cref="float"/>: 2⁻²³, the gap between 1 and the next float.</summary>
    public const double SingleEpsilon = 1.0 / (1 << 23);

    /// <summary>Default safety factor c0 of <see cref="DotBound"/>.</summary>
    public const double DefaultSafety = 2.0;

    /// <summary>Absolute floor added to every bound, so exact zeros and tiny values do not need bit equality.</summary>
    public const double TinyAbsolute = 1e-30;

    /// <summary>Error bound of a float sum of <paramref name="terms"/> products whose absolute values sum to <paramref name="magnitude"/>.</summary>
    /// <param name="terms">Number of products summed (k for a GEMM element).</param>
    /// <param name="magnitude">Σ|terms| of everything that enters the result, computed in double by the reference.</param>
    /// <param name="safety">Safety factor c0.</param>
    /// <returns><c>safety·(terms+1)·ε·magnitude + TinyAbsolute</c>.</returns>
    public static double DotBound(int terms, double magnitude, double safety = DefaultSafety) =>
        safety * (terms + 1.0) * SingleEpsilon * magnitude + TinyAbsolute;

    /// <summary>
    /// True when <paramref name="actual"/> is within <paramref name="bound"/> of <paramref name="expected"/>.
    /// A NaN expected value requires a NaN actual value; an infinite one requires the same infinity;
    /// otherwise a NaN or infinite actual value fails.
    /// </summary>
    public static bool IsWithin(float actual, double expected, double bound)
    {
        if (double.IsNaN(expected)) return float.IsNaN(actual);
        if (double.IsInfinity(expected)) return actual == expected;
        return Math.Abs(actual - expected) <= bound; // false for NaN or infinite actual
    }

    /// <summary>Index of the first element whose bit pattern differs, or -1 when the spans are bit-identical.</summary>
    /// <remarks>Compares bits, so NaN payloads and the sign of zero count; lengths must match (else returns the shorter length).</remarks>
    public static int FirstBitMismatch(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            if (BitConverter.SingleToUInt32Bits(x[i]) != BitConverter.SingleToUInt32Bits(y[i])) return i;
        }

        return x.Length == y.Length ? -1 : n;
    }

    /// <summary>A float with its bit pattern, for failure messages: <c>1.5 (0x3FC00000)</c>.</summary>
    public static string Describe(float value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8})");
}
