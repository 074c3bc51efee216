namespace SimdMlp.Kernels.Tests.Elementwise;

/// <summary>Error of a float result against an exact (double) value, in units in the last place of the float result.</summary>
public static class Ulp
{
    /// <summary>
    /// |actual − exact| / ulp(exact), where ulp is the float spacing in exact's binade (2^−149 for subnormals).
    /// ±∞ results count as ±2^128, so a finite result where the exact value just overflows scores its true distance.
    /// NaN must match NaN (0, else +∞); an infinite exact value needs the same infinity.
    /// </summary>
    public static double Error(float actual, double exact)
    {
        if (double.IsNaN(exact)) return float.IsNaN(actual) ? 0 : double.PositiveInfinity;
        if (float.IsNaN(actual)) return double.PositiveInfinity;
        if (double.IsInfinity(exact)) return actual == exact ? 0 : double.PositiveInfinity;

        // Beyond 2^128 the correctly rounded result is ±∞: measure against ±2^128 like the ∞ result itself.
        double limit = Math.Pow(2, 128);
        double a = float.IsInfinity(actual) ? Math.CopySign(limit, actual) : actual;
        double e = Math.Abs(exact) > limit ? Math.CopySign(limit, exact) : exact;
        return Math.Abs(a - e) / Of(e);
    }

    /// <summary>The float ulp at the binade of <paramref name="exact"/>: 2^(e − 23), e clamped to [−126, 127].</summary>
    public static double Of(double exact)
    {
        int e = exact == 0 ? -126 : Math.Clamp(Math.ILogB(exact), -126, 127);
        return Math.ScaleB(1.0, e - 23);
    }

    /// <summary>A float sample of the whole range: every <c>2^shift</c>-th bit pattern (both signs), plus specials.</summary>
    public static float[] Sweep(int shift)
    {
        var values = new List<float>((int)(1L << (32 - shift)) + Specials.Length);
        for (long bits = 0; bits < 1L << 32; bits += 1L << shift)
            values.Add(BitConverter.UInt32BitsToSingle((uint)bits));
        values.AddRange(Specials);
        return values.ToArray();
    }

    /// <summary>Every float in [from, to] (same sign), stepping <paramref name="step"/> bit patterns.</summary>
    public static float[] Dense(float from, float to, int step = 1)
    {
        var values = new List<float>();
        int a = BitConverter.SingleToInt32Bits(from), b = BitConverter.SingleToInt32Bits(to);
        if (a > b) (a, b) = (b, a);
        for (long bits = a; bits <= b; bits += step) values.Add(BitConverter.Int32BitsToSingle((int)bits));
        return values.ToArray();
    }

    /// <summary>±0, the smallest and largest subnormals and normals, ±∞, NaN and values that break naive formulas.</summary>
    public static readonly float[] Specials =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f, 1.1754942e-38f, -1.1754942e-38f,
        1.17549435e-38f, -1.17549435e-38f, float.MaxValue, float.MinValue, float.PositiveInfinity,
        float.NegativeInfinity, float.NaN, -float.NaN, 1e-30f, -1e-30f, 1e-7f, -1e-7f, 1e-4f, -1e-4f, 0.5f, -0.5f,
        1f, -1f, 9f, -9f, 9.1f, -9.1f, 16f, -16f, 20f, -20f, 87.33f, -87.33f, 88.72f, 88.7228f, 88.73f, 89f, 100f,
        -100f, -103.9f, -103.98f, -104f, -105f, 1e4f, -1e4f, 1e30f, -1e30f,
    ];
}
