using System.Globalization;
using SimdMlp.Kernels.Tests.Golden;
using Xunit;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// Each golden case's head through the public loss kernel: Z_L from the double reference forward pass (rounded to
/// float, as a float network would hand it over), then the loss, Ŷ, dZ = (Ŷ − Y)/m and the last layer's bias
/// gradient (the column sums of dZ) against PyTorch.
/// </summary>
public sealed class GoldenLossTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GoldenCases.Names), MemberType = typeof(GoldenCases))]
    public void Head_loss_reproduces_PyTorch(string name)
    {
        var golden = GoldenCases.Get(name);
        int m = golden.Batch, n = golden.Outputs;
        var (z, _) = ReferenceMlp.Forward(golden);
        var logits = Array.ConvertAll(z[^1], v => (float)v);
        var y = Array.ConvertAll(golden.Y, v => (float)v);
        var p = new float[logits.Length];
        var dz = new float[logits.Length];
        float loss = golden.Output switch
        {
            "softmax_ce" => Kernels.Losses.SoftmaxCrossEntropy(logits, y, m, p, dz),
            "sigmoid_bce" => Kernels.Losses.SigmoidBinaryCrossEntropy(logits, y, m, p, dz),
            "linear_mse" => Kernels.Losses.HalfSquaredError(logits, y, m, dz),
            _ => throw new InvalidDataException($"{name}: unknown head '{golden.Output}'."),
        };
        if (golden.Output == "linear_mse") logits.CopyTo(p, 0);

        var expectedDz = new double[dz.Length];
        for (int k = 0; k < dz.Length; k++) expectedDz[k] = (golden.Expected.Output[k] - golden.Y[k]) / m;
        var biasGradient = new double[n];
        for (int k = 0; k < dz.Length; k++) biasGradient[k % n] += dz[k];

        double lossError = GoldenTolerance.AssertClose([loss], [golden.Expected.Loss], $"{name}: loss");
        double outputError = GoldenTolerance.AssertClose(p, golden.Expected.Output, $"{name}: Ŷ");
        double dzError = GoldenTolerance.AssertClose(dz, expectedDz, $"{name}: dZ");
        double biasError = GoldenTolerance.AssertClose(biasGradient, golden.Expected.GradBiases[^1], $"{name}: db_L");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: max rel error loss {lossError:G2}, Ŷ {outputError:G2}, dZ {dzError:G2}, db_L {biasError:G2}"));

        if (golden.Output == "softmax_ce") CheckLabelsAgree(golden, logits, loss, dz);
    }

    /// <summary>One-hot targets and their class indices give the same loss and dZ.</summary>
    private static void CheckLabelsAgree(GoldenCase golden, float[] logits, float loss, float[] dz)
    {
        int n = golden.Outputs;
        var labels = new int[golden.Batch];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = Array.IndexOf(golden.Y, 1.0, i * n, n) - i * n;
            Assert.True(labels[i] >= 0, $"{golden.Name}: row {i} of y is not one-hot.");
        }

        var dzLabels = new float[dz.Length];
        float lossLabels = Kernels.Losses.SoftmaxCrossEntropy(logits, labels, dzLabels);
        Assert.Equal(loss, lossLabels, 6);
        GoldenTolerance.AssertClose(dzLabels, Array.ConvertAll(dz, v => (double)v), $"{golden.Name}: dZ from labels", 1e-6);
    }
}
