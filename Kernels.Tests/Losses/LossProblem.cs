using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// Builds the data of a <see cref="LossCase"/>, runs the kernel and checks it against <see cref="LossReference"/>:
/// the loss, every dZ and Ŷ element within its bound, nothing written past the data (outputs are
/// <see cref="SentinelBuffer"/>s three elements longer than needed), and the inputs unchanged.
/// </summary>
public static class LossProblem
{
    private const int Tail = 3;

    /// <summary>Inputs of a case: logits Z (or predictions), targets Y as rows, and labels for the label kind.</summary>
    public sealed record Data(float[] Logits, float[] Targets, int[] Labels);

    /// <summary>The data of <paramref name="c"/>, from its seed.</summary>
    public static Data Make(LossCase c)
    {
        var random = new Random(c.Seed);
        var logits = new float[c.Length];
        var targets = new float[c.Length];
        var labels = new int[c.Kind == LossKind.SoftmaxLabels ? c.Batch : 0];
        for (int k = 0; k < logits.Length; k++) logits[k] = (float)((2 * random.NextDouble() - 1) * c.Scale);
        switch (c.Kind)
        {
            case LossKind.SoftmaxLabels:
                for (int i = 0; i < labels.Length; i++)
                {
                    labels[i] = random.Next(c.Columns);
                    targets[i * c.Columns + labels[i]] = 1;
                }

                break;
            case LossKind.SoftmaxTargets:
                for (int i = 0; i < c.Batch; i++)
                {
                    var row = targets.AsSpan(i * c.Columns, c.Columns);
                    if (c.Seed % 3 == 0)
                    {
                        // Soft rows: positive, summing to 1 (to float precision).
                        double sum = 0;
                        foreach (ref float v in row) sum += v = (float)random.NextDouble() + 1e-3f;
                        foreach (ref float v in row) v = (float)(v / sum);
                    }
                    else
                    {
                        row[random.Next(c.Columns)] = 1;
                    }
                }

                break;
            case LossKind.SigmoidBinaryCrossEntropy:
                for (int k = 0; k < targets.Length; k++)
                    targets[k] = random.Next(3) switch { 0 => 0f, 1 => 1f, _ => (float)random.NextDouble() };
                break;
            default:
                for (int k = 0; k < targets.Length; k++) targets[k] = (float)((2 * random.NextDouble() - 1) * c.Scale);
                break;
        }

        return new(logits, targets, labels);
    }

    /// <summary>The double reference for <paramref name="data"/>.</summary>
    public static LossResult Reference(LossKind kind, Data data, int batch)
    {
        var z = Array.ConvertAll(data.Logits, v => (double)v);
        var y = Array.ConvertAll(data.Targets, v => (double)v);
        return kind switch
        {
            LossKind.SoftmaxLabels or LossKind.SoftmaxTargets => LossReference.SoftmaxCrossEntropy(z, y, batch),
            LossKind.SigmoidBinaryCrossEntropy => LossReference.SigmoidBinaryCrossEntropy(z, y, batch),
            _ => LossReference.HalfSquaredError(z, y, batch),
        };
    }

    /// <summary>Runs <paramref name="c"/> and asserts everything described on <see cref="LossProblem"/>.</summary>
    public static void Check(LossCase c)
    {
        var data = Make(c);
        var expected = Reference(c.Kind, data, c.Batch);
        bool hasProbabilities = c.Probabilities && c.Kind != LossKind.HalfSquaredError;
        var dz = new SentinelBuffer(c.Length + Tail);
        dz.Open(0, c.Length);
        var probabilities = new SentinelBuffer(hasProbabilities ? c.Length + Tail : 0);
        probabilities.Open(0, hasProbabilities ? c.Length : 0);
        ReadOnlySpan<float> logits = data.Logits;
        if (c.InPlace)
        {
            data.Logits.CopyTo(dz.Span);
            logits = dz.Span[..c.Length];
        }

        float loss = Run(c, data, logits, hasProbabilities ? probabilities.Span : dz.Span, dz.Span);

        string context = c.ToString();
        ReferenceAssert.Within(loss, expected.Loss, expected.LossBound, $"{context}: loss");
        string dzName = $"{context}: dZ", pName = $"{context}: Ŷ";
        for (int k = 0; k < c.Length; k++)
        {
            ReferenceAssert.Within(dz.Span[k], expected.DZ[k], expected.DZBound[k], dzName, k);
            if (hasProbabilities)
                ReferenceAssert.Within(probabilities.Span[k], expected.Output[k], expected.OutputBound[k], pName, k);
        }

        dz.AssertSentinelsIntact("dZ", context: context);
        probabilities.AssertSentinelsIntact("probabilities", context: context);
        var again = Make(c);
        if (!c.InPlace) Assert.Equal(again.Logits, data.Logits);
        Assert.Equal(again.Targets, data.Targets);
        Assert.Equal(again.Labels, data.Labels);
    }

    /// <summary>
    /// Calls the public API or the kernel entry. <paramref name="probabilities"/> is <paramref name="dLogits"/> itself
    /// when the case asks for no probabilities (the kernels' contract for "not wanted").
    /// </summary>
    private static float Run(LossCase c, Data data, ReadOnlySpan<float> logits, Span<float> probabilities,
        Span<float> dLogits)
    {
        bool separate = !probabilities.Overlaps(dLogits);
        int classes = c.Columns;
        if (c.Public)
        {
            return c.Kind switch
            {
                LossKind.SoftmaxLabels => separate
                    ? Kernels.Losses.SoftmaxCrossEntropy(logits, data.Labels, probabilities, dLogits)
                    : Kernels.Losses.SoftmaxCrossEntropy(logits, data.Labels, dLogits),
                LossKind.SoftmaxTargets => separate
                    ? Kernels.Losses.SoftmaxCrossEntropy(logits, data.Targets, c.Batch, probabilities, dLogits)
                    : Kernels.Losses.SoftmaxCrossEntropy(logits, data.Targets, c.Batch, dLogits),
                LossKind.SigmoidBinaryCrossEntropy => separate
                    ? Kernels.Losses.SigmoidBinaryCrossEntropy(logits, data.Targets, c.Batch, probabilities, dLogits)
                    : Kernels.Losses.SigmoidBinaryCrossEntropy(logits, data.Targets, c.Batch, dLogits),
                _ => Kernels.Losses.HalfSquaredError(logits, data.Targets, c.Batch, dLogits),
            };
        }

        return c.Kind switch
        {
            LossKind.SoftmaxLabels =>
                SoftmaxCrossEntropyKernel.Run(c.Path, logits, data.Labels, classes, probabilities, dLogits),
            LossKind.SoftmaxTargets =>
                SoftmaxCrossEntropyKernel.Run(c.Path, logits, data.Targets, c.Batch, probabilities, dLogits),
            LossKind.SigmoidBinaryCrossEntropy =>
                SigmoidBinaryCrossEntropyKernel.Run(c.Path, logits, data.Targets, c.Batch, probabilities, dLogits),
            _ => HalfSquaredErrorKernel.Run(c.Path, logits, data.Targets, c.Batch, dLogits),
        };
    }
}
