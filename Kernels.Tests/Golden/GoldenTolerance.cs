using System.Globalization;
using Xunit;

namespace SimdMlp.Kernels.Tests.Golden;

/// <summary>
/// Compares float results with a golden case's float64 values by relative error, with a floor so that elements
/// near zero (exact zeros of ReLU gradients, tiny probabilities) are judged against the tensor's scale.
/// </summary>
public static class GoldenTolerance
{
    /// <summary>The relative tolerance a correct float32 implementation meets on these small cases.</summary>
    public const double Relative = 1e-4;

    /// <summary>Elements are compared relative to at least this fraction of the tensor's largest magnitude.</summary>
    public const double FloorFraction = 1e-3;

    /// <summary>max_i |actual_i − expected_i| / max(|expected_i|, FloorFraction·max_j |expected_j|).</summary>
    public static double MaxRelativeError(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0, worst = 0;
        foreach (double e in expected) scale = Math.Max(scale, Math.Abs(e));
        double floor = Math.Max(FloorFraction * scale, double.Epsilon);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]) / Math.Max(Math.Abs(expected[i]), floor);
            worst = double.IsNaN(error) ? double.PositiveInfinity : Math.Max(worst, error);
        }

        return worst;
    }

    /// <summary><see cref="MaxRelativeError(ReadOnlySpan{double}, ReadOnlySpan{double})"/> of float results.</summary>
    public static double MaxRelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected)
    {
        var widened = new double[actual.Length];
        for (int i = 0; i < actual.Length; i++) widened[i] = actual[i];
        return MaxRelativeError(widened, expected);
    }

    /// <summary>Fails when the relative error exceeds <paramref name="tolerance"/>; returns it for reports.</summary>
    public static double AssertClose(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, string what,
        double tolerance = Relative)
    {
        double error = MaxRelativeError(actual, expected);
        Assert.True(error <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: max relative error {error:G3} > {tolerance:G3}."));
        return error;
    }

    /// <inheritdoc cref="AssertClose(ReadOnlySpan{double}, ReadOnlySpan{double}, string, double)"/>
    public static double AssertClose(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, string what,
        double tolerance = Relative)
    {
        var widened = new double[actual.Length];
        for (int i = 0; i < actual.Length; i++) widened[i] = actual[i];
        return AssertClose(widened, expected, what, tolerance);
    }
}
