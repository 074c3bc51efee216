using System.Globalization;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>Per-element checks of a float result against a double reference value and its error bound.</summary>
public static class ReferenceAssert
{
    /// <summary>
    /// Fails unless <paramref name="actual"/> is within <paramref name="bound"/> of <paramref name="expected"/>.
    /// The message names <paramref name="what"/>, followed by <c>[index]</c> when <paramref name="index"/> ≥ 0;
    /// it is formatted only on failure, since this runs for every element.
    /// </summary>
    public static void Within(float actual, double expected, double bound, string what, int index = -1)
    {
        if (Tolerance.IsWithin(actual, expected, bound)) return;
        string element = index >= 0 ? $"[{index}]" : "";
        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
            $"{what}{element} = {Tolerance.Describe(actual)}, expected {expected:R} ± {bound:G3} (off by {Math.Abs(actual - expected):G3})."));
    }
}
