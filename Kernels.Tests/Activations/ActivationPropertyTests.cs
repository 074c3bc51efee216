using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>FsCheck supplies the values (any float, specials included); the length sweeps cover the shapes.</summary>
public class ActivationPropertyTests
{
    private static ActivationFunction Pick(byte index) => ActivationReference.All[index % ActivationReference.All.Length];

    [Property(MaxTest = 300)]
    public void Forward_matches_the_reference_for_any_values(byte kind, float[] z)
    {
        var f = Pick(kind);
        float[] a = new float[z.Length];
        Activation.Forward(f, z, a);
        Checks.Forward(f, z, a, "FsCheck");
    }

    [Property(MaxTest = 300)]
    public void Backward_matches_the_reference_for_any_values(byte kind, float[] z, float dAScale)
    {
        var f = Pick(kind);
        // Finite gradients: ∞ · (a derivative that underflowed to 0) is NaN, which is float arithmetic, not a kernel bug.
        if (!(Math.Abs(dAScale) <= 1e30f)) dAScale = 1f;
        float[] a = new float[z.Length], dZ = new float[z.Length];
        Activation.Forward(f, z, a);
        float[] saved = f.Saved == SavedForBackward.Input ? z : a;
        float[] dA = z.Select((v, i) => dAScale * ((i % 7) - 3)).ToArray();
        Activation.Backward(f, dA, saved, dZ);
        Checks.Backward(f, dA, saved, dZ, "FsCheck");
    }

    [Property(MaxTest = 100)]
    public Property Bias_gradient_equals_the_documented_column_sums(byte kind, PositiveInt columns, float[] values)
    {
        var f = Pick(kind);
        int n = columns.Get % 40 + 1, m = values.Length / n;
        float[] dA = values[..(m * n)], saved = TestData.Values(m * n, seed: values.Length), dZ = new float[m * n];
        float[] dBias = new float[n];
        Activation.BackwardWithBiasGradient(f, dA, saved, dZ, dBias);
        float[] expected = BiasGradientTests.DocumentedColumnSums(dZ, m, n);
        return (SimdMlp.Kernels.Tests.Support.Tolerance.FirstBitMismatch(expected, dBias) < 0).Label($"m = {m}, n = {n}");
    }
}
