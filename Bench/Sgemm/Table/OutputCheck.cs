namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>Cross-check of peers' outputs, so a table is never built on a wrong product.</summary>
public static class OutputCheck
{
    /// <summary>
    /// Float sums of up to 1024 terms in different orders differ by ~1e-6 relative; a wrong index or transpose
    /// gives O(1). Anything in between deserves a look.
    /// </summary>
    public const double Tolerance = 1e-4;

    /// <summary>max |actual − reference| / max |reference| (normwise, so near-zero entries do not blow it up).</summary>
    public static double MaxRelDiff(float[] actual, float[] reference)
    {
        double maxDiff = 0, maxRef = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            maxDiff = Math.Max(maxDiff, Math.Abs((double)actual[i] - reference[i]));
            maxRef = Math.Max(maxRef, Math.Abs((double)reference[i]));
        }

        if (double.IsNaN(maxDiff)) return double.PositiveInfinity; // Math.Max propagates NaN from either side.
        return maxRef == 0 ? maxDiff : maxDiff / maxRef;
    }
}
