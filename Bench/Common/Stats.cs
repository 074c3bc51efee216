namespace SimdMlp.Bench.Common;

/// <summary>Robust summaries for noisy shared machines: medians for samples, geometric means for ratios.</summary>
public static class Stats
{
    /// <summary>Median of the first <paramref name="count"/> values; sorts that prefix in place.</summary>
    public static double Median(double[] values, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var span = values.AsSpan(0, count);
        span.Sort();
        return count % 2 == 1 ? span[count / 2] : 0.5 * (span[count / 2 - 1] + span[count / 2]);
    }

    /// <summary>Geometric mean, the right average for ratios; null when there are none.</summary>
    public static double? GeometricMean(IReadOnlyCollection<double> ratios)
    {
        if (ratios.Count == 0) return null;
        double logSum = 0;
        foreach (double r in ratios) logSum += Math.Log(r);
        return Math.Exp(logSum / ratios.Count);
    }
}
