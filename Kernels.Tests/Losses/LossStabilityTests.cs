using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// Extreme logits on every kernel family: softmax rows of ±1e4 and rows offset by 1e4, sigmoid logits of ±1e4 and
/// beyond the float exp range. No NaN or infinity, and the values of the double reference.
/// </summary>
public sealed class LossStabilityTests
{
    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Softmax_with_logits_of_plus_minus_1e4_and_large_offsets(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        foreach (int n in new[] { 1, 2, 3, 5, 16, 17, 37 })
        {
            // Row 0: ±1e4 alternating; row 1: 1e4 + small values; row 2: −1e4 + small values; row 3: one huge winner.
            var random = new Random(n);
            var logits = new float[4 * n];
            for (int j = 0; j < n; j++)
            {
                logits[j] = j % 2 == 0 ? 1e4f : -1e4f;
                logits[n + j] = 1e4f + (float)random.NextDouble() * 8 - 4;
                logits[2 * n + j] = -1e4f + (float)random.NextDouble() * 8 - 4;
                logits[3 * n + j] = j == n / 2 ? 9e3f : (float)random.NextDouble() * 100 - 50;
            }

            int[] labels = [n - 1, 0, n / 2, Math.Max(0, n / 2 - 1)];
            CheckSoftmax(path, logits, labels, $"{path} n={n}");
        }
    }

    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Sigmoid_bce_with_logits_of_plus_minus_1e4(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        float[] values = [1e4f, -1e4f, 1e30f, -1e30f, 104f, -104f, 88.7f, -88.7f, 30f, -30f, 17f, -17f, 1e-30f, 0f];
        float[] targets = [0f, 1f, 0.25f];
        int length = values.Length * targets.Length;
        var logits = new float[length];
        var y = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            for (int t = 0; t < targets.Length; t++)
            {
                logits[i * targets.Length + t] = values[i];
                y[i * targets.Length + t] = targets[t];
            }
        }

        var p = new float[length];
        var dz = new float[length];
        float loss = SigmoidBinaryCrossEntropyKernel.Run(path, logits, y, 3, p, dz);
        var expected = LossReference.SigmoidBinaryCrossEntropy(
            Array.ConvertAll(logits, v => (double)v), Array.ConvertAll(y, v => (double)v), 3);
        Assert.True(float.IsFinite(loss), $"loss = {loss}");
        ReferenceAssert.Within(loss, expected.Loss, expected.LossBound, $"{path}: loss");
        for (int k = 0; k < length; k++)
        {
            Assert.True(float.IsFinite(p[k]) && float.IsFinite(dz[k]), $"{path}: z = {logits[k]}: σ = {p[k]}, dZ = {dz[k]}");
            ReferenceAssert.Within(p[k], expected.Output[k], expected.OutputBound[k], $"{path}: σ({logits[k]})");
            ReferenceAssert.Within(dz[k], expected.DZ[k], expected.DZBound[k], $"{path}: dZ({logits[k]}, {y[k]})");
        }
    }

    [Fact]
    public void Sigmoid_bce_of_1e4_is_exact()
    {
        // max(z, 0) − z·y + log1p(e^(−|z|)) with e^(−1e4) = 0: 1e4 for a wrong 0/1 target, 0 for a right one.
        var dz = new float[4];
        float loss = Kernels.Losses.SigmoidBinaryCrossEntropy([1e4f, -1e4f, 1e4f, -1e4f], [0f, 1f, 1f, 0f], 2, dz);
        Assert.Equal(1e4f, loss);
        Assert.Equal([0.5f, -0.5f, 0f, 0f], dz);
    }

    private static void CheckSoftmax(SimdPath path, float[] logits, int[] labels, string context)
    {
        int n = logits.Length / labels.Length;
        var p = new float[logits.Length];
        var dz = new float[logits.Length];
        float loss = SoftmaxCrossEntropyKernel.Run(path, logits, labels, n, p, dz);
        var expected = LossReference.SoftmaxCrossEntropy(
            Array.ConvertAll(logits, v => (double)v), LossReference.OneHot(labels, n), labels.Length);
        Assert.True(float.IsFinite(loss), $"{context}: loss = {loss}");
        ReferenceAssert.Within(loss, expected.Loss, expected.LossBound, $"{context}: loss");
        for (int k = 0; k < logits.Length; k++)
        {
            Assert.True(float.IsFinite(p[k]) && float.IsFinite(dz[k]), $"{context}: [{k}] p = {p[k]}, dZ = {dz[k]}");
            ReferenceAssert.Within(p[k], expected.Output[k], expected.OutputBound[k], $"{context}: p", k);
            ReferenceAssert.Within(dz[k], expected.DZ[k], expected.DZBound[k], $"{context}: dZ", k);
        }
    }
}
