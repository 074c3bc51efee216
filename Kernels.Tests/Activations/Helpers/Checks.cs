using SimdMlp.Kernels.Tests.Elementwise;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>Assertions with messages that name the activation, the element, its input and both results.</summary>
public static class Checks
{
    /// <summary>Each a[i] is within the activation's ULP bound of the double reference at z[i].</summary>
    public static void Forward(ActivationFunction f, ReadOnlySpan<float> z, ReadOnlySpan<float> a, string context)
    {
        for (int i = 0; i < z.Length; i++)
        {
            double expected = ActivationReference.Forward(f, z[i]);
            double error = Ulp.Error(a[i], expected), allowed = ActivationReference.ForwardUlps(f, z[i]);
            if (!(error <= allowed))
            {
                Assert.Fail($"{context}: {Operators.Name(f)}({Tolerance.Describe(z[i])}) at [{i}] = {Tolerance.Describe(a[i])}, " +
                    $"reference {expected:R}: {error:G4} ULP > {allowed:G4}.");
            }
        }
    }

    /// <summary>Each dZ[i] is within the activation's backward bound of the double formula at (dA[i], saved[i]).</summary>
    public static void Backward(ActivationFunction f, ReadOnlySpan<float> dA, ReadOnlySpan<float> saved, ReadOnlySpan<float> dZ,
        string context)
    {
        for (int i = 0; i < dA.Length; i++)
        {
            double expected = ActivationReference.Backward(f, dA[i], saved[i]);
            double bound = ActivationReference.BackwardBound(f, dA[i], saved[i]);
            // A reference beyond the float range must come out as the infinity it rounds to.
            bool overflows = float.IsInfinity((float)expected) && dZ[i] == (float)expected;
            if (!overflows && !Tolerance.IsWithin(dZ[i], expected, bound))
            {
                Assert.Fail($"{context}: {Operators.Name(f)} backward at [{i}] (dA {Tolerance.Describe(dA[i])}, saved " +
                    $"{Tolerance.Describe(saved[i])}) = {Tolerance.Describe(dZ[i])}, reference {expected:R}, bound {bound:G3}.");
            }
        }
    }

    /// <summary>The two spans hold the same bits.</summary>
    public static void BitEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        int i = Tolerance.FirstBitMismatch(expected, actual);
        if (i >= 0)
            Assert.Fail($"{context}: [{i}] is {Tolerance.Describe(actual[i])}, expected {Tolerance.Describe(expected[i])}.");
    }
}
