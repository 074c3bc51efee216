namespace SimdMlp.Tests.Support;

public static class Tolerance
{
    /// <summary>
    /// Asserts |actual − expected| ≤ relative · max(|expected|, floor · max|expected over the tensor|) + absolute, element by element,
    /// so tiny entries of a tensor are judged against its scale rather than their own.
    /// </summary>
    public static void AssertClose(string what, ReadOnlySpan<double> expected, ReadOnlySpan<float> actual,
        double relative = 1e-4, double floor = 1e-2, double absolute = 1e-7)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}.");
        double scale = 0;
        foreach (double e in expected) scale = Math.Max(scale, Math.Abs(e));
        for (int i = 0; i < expected.Length; i++)
        {
            double bound = relative * Math.Max(Math.Abs(expected[i]), floor * scale) + absolute;
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(error <= bound,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (error {error:G3} > bound {bound:G3}).");
        }
    }
}
