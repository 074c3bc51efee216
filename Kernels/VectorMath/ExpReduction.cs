using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// The shared core of exp, expm1, sigmoid, tanh and GELU: e^x = 2^n · e^r with n = round(x / ln 2) and
/// |r| ≤ ln 2 / 2, e^r − 1 from a polynomial, and an exact-then-rounded-once scale by 2^n.
/// </summary>
/// <remarks>
/// <para>
/// Reduction and polynomial follow SLEEF's <c>expf_u10</c> (Cody–Waite two-part ln 2, degree-6 polynomial on
/// [−ln 2/2, ln 2/2], stated 1 ULP). All arithmetic is single precision; TensorPrimitives widens float exp to
/// double, which is what makes this core faster.
/// </para>
/// <para>
/// Every width runs the same operation sequence (<c>MultiplyAddEstimate</c> is fused or not the same way for every
/// width in one process), and both ways of scaling (AVX-512 <c>vscalefps</c>, or two exact integer-built powers of two)
/// round once, so every lane of every width gives the same bits as every other.
/// </para>
/// </remarks>
internal static class ExpReduction
{
    /// <summary>1 / ln 2.</summary>
    public const float Log2E = 1.44269504088896341f;

    /// <summary>0x1.8p23: adding it rounds any |v| &lt; 2^22 to an integer (the float's ulp there is 1).</summary>
    public const float RoundMagic = 12582912f;

    /// <summary>High part of ln 2 with 15 significant bits, so n · Ln2Hi is exact for |n| &lt; 2^9.</summary>
    public const float Ln2Hi = 0.693145751953125f;

    /// <summary>ln 2 − Ln2Hi.</summary>
    public const float Ln2Lo = 1.428606765330187045e-6f;

    /// <summary>Below this, e^x rounds to +0 (e^−103.972 is half the smallest subnormal); also keeps n ≥ −150.</summary>
    public const float ExpLowerClamp = -104f;

    /// <summary>Above this, e^x overflows to +∞ (ln(float.MaxValue) ≈ 88.7228); also keeps n ≤ 129.</summary>
    public const float ExpUpperClamp = 89f;

    // (e^r − 1 − r) / r² ≈ C1 + C2·r + … + C6·r⁵ (SLEEF expf_u10 minimax coefficients).
    private const float C1 = 0.5f;
    private const float C2 = 0.166666671633720397949219f;
    private const float C3 = 0.0416664853692054748535156f;
    private const float C4 = 0.00833336077630519866943359f;
    private const float C5 = 0.00139304355252534151077271f;
    private const float C6 = 0.000198527617612853646278381f;

    /// <summary>e^x − 1 = 2^n · (e^r − 1) + (2^n − 1); returns e^r − 1 and n. x must be finite-clamped or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpM1Reduced(Vector512<float> x, out Vector512<float> n)
    {
        Vector512<float> magic = Vector512.Create(RoundMagic);
        n = Vector512.MultiplyAddEstimate(x, Vector512.Create(Log2E), magic) - magic;
        Vector512<float> r = Vector512.MultiplyAddEstimate(n, Vector512.Create(-Ln2Hi), x);
        r = Vector512.MultiplyAddEstimate(n, Vector512.Create(-Ln2Lo), r);
        Vector512<float> p = Vector512.MultiplyAddEstimate(Vector512.Create(C6), r, Vector512.Create(C5));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(C4));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(C3));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(C2));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(C1));
        return Vector512.MultiplyAddEstimate(r * r, p, r);
    }

    /// <inheritdoc cref="ExpM1Reduced(Vector512{float}, out Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpM1Reduced(Vector256<float> x, out Vector256<float> n)
    {
        Vector256<float> magic = Vector256.Create(RoundMagic);
        n = Vector256.MultiplyAddEstimate(x, Vector256.Create(Log2E), magic) - magic;
        Vector256<float> r = Vector256.MultiplyAddEstimate(n, Vector256.Create(-Ln2Hi), x);
        r = Vector256.MultiplyAddEstimate(n, Vector256.Create(-Ln2Lo), r);
        Vector256<float> p = Vector256.MultiplyAddEstimate(Vector256.Create(C6), r, Vector256.Create(C5));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(C4));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(C3));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(C2));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(C1));
        return Vector256.MultiplyAddEstimate(r * r, p, r);
    }

    /// <inheritdoc cref="ExpM1Reduced(Vector512{float}, out Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1Reduced(Vector128<float> x, out Vector128<float> n)
    {
        Vector128<float> magic = Vector128.Create(RoundMagic);
        n = Vector128.MultiplyAddEstimate(x, Vector128.Create(Log2E), magic) - magic;
        Vector128<float> r = Vector128.MultiplyAddEstimate(n, Vector128.Create(-Ln2Hi), x);
        r = Vector128.MultiplyAddEstimate(n, Vector128.Create(-Ln2Lo), r);
        Vector128<float> p = Vector128.MultiplyAddEstimate(Vector128.Create(C6), r, Vector128.Create(C5));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(C4));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(C3));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(C2));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(C1));
        return Vector128.MultiplyAddEstimate(r * r, p, r);
    }

    /// <summary>y · 2^n rounded once (subnormal and overflowing results included), for integral n in [−150, 129] and y in [½, 2].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ScaleB(Vector512<float> y, Vector512<float> n)
    {
        if (Avx512F.IsSupported) return Avx512F.Scale(y, n);

        // Two powers of two, each a normal float: y · 2^n1 is exact, the second multiply rounds once.
        Vector512<int> ni = Vector512.ConvertToInt32Native(n);
        Vector512<int> n1 = Vector512.ShiftRightArithmetic(ni, 1);
        Vector512<int> bias = Vector512.Create(127);
        Vector512<float> s1 = Vector512.ShiftLeft(n1 + bias, 23).AsSingle();
        Vector512<float> s2 = Vector512.ShiftLeft(ni - n1 + bias, 23).AsSingle();
        return y * s1 * s2;
    }

    /// <inheritdoc cref="ScaleB(Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ScaleB(Vector256<float> y, Vector256<float> n)
    {
        if (Avx512F.VL.IsSupported) return Avx512F.VL.Scale(y, n);

        Vector256<int> ni = Vector256.ConvertToInt32Native(n);
        Vector256<int> n1 = Vector256.ShiftRightArithmetic(ni, 1);
        Vector256<int> bias = Vector256.Create(127);
        Vector256<float> s1 = Vector256.ShiftLeft(n1 + bias, 23).AsSingle();
        Vector256<float> s2 = Vector256.ShiftLeft(ni - n1 + bias, 23).AsSingle();
        return y * s1 * s2;
    }

    /// <inheritdoc cref="ScaleB(Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ScaleB(Vector128<float> y, Vector128<float> n)
    {
        if (Avx512F.VL.IsSupported) return Avx512F.VL.Scale(y, n);

        Vector128<int> ni = Vector128.ConvertToInt32Native(n);
        Vector128<int> n1 = Vector128.ShiftRightArithmetic(ni, 1);
        Vector128<int> bias = Vector128.Create(127);
        Vector128<float> s1 = Vector128.ShiftLeft(n1 + bias, 23).AsSingle();
        Vector128<float> s2 = Vector128.ShiftLeft(ni - n1 + bias, 23).AsSingle();
        return y * s1 * s2;
    }

    /// <summary>2^n exactly, for integral n in [−126, 127] (a normal float).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pow2(Vector512<float> n)
    {
        if (Avx512F.IsSupported) return Avx512F.Scale(Vector512<float>.One, n);
        return Vector512.ShiftLeft(Vector512.ConvertToInt32Native(n) + Vector512.Create(127), 23).AsSingle();
    }

    /// <inheritdoc cref="Pow2(Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Pow2(Vector256<float> n)
    {
        if (Avx512F.VL.IsSupported) return Avx512F.VL.Scale(Vector256<float>.One, n);
        return Vector256.ShiftLeft(Vector256.ConvertToInt32Native(n) + Vector256.Create(127), 23).AsSingle();
    }

    /// <inheritdoc cref="Pow2(Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Pow2(Vector128<float> n)
    {
        if (Avx512F.VL.IsSupported) return Avx512F.VL.Scale(Vector128<float>.One, n);
        return Vector128.ShiftLeft(Vector128.ConvertToInt32Native(n) + Vector128.Create(127), 23).AsSingle();
    }
}
