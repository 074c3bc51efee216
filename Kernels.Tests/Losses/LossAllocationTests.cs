using SimdMlp.Kernels.Tests.Support;
using Xunit;
using L = SimdMlp.Kernels.Losses;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>After warm-up, no loss kernel allocates.</summary>
public sealed class LossAllocationTests
{
    [Fact]
    public void Loss_kernels_allocate_nothing_after_warm_up()
    {
        const int Batch = 8, Classes = 37;
        var logits = new float[Batch * Classes];
        var targets = new float[Batch * Classes];
        var labels = new int[Batch];
        var p = new float[Batch * Classes];
        var dz = new float[Batch * Classes];
        for (int k = 0; k < logits.Length; k++) logits[k] = MathF.Sin(k);
        for (int i = 0; i < Batch; i++) targets[i * Classes + (labels[i] = i % Classes)] = 1;

        void All()
        {
            L.SoftmaxCrossEntropy(logits, labels, dz);
            L.SoftmaxCrossEntropy(logits, labels, p, dz);
            L.SoftmaxCrossEntropy(logits, targets, Batch, dz);
            L.SoftmaxCrossEntropy(logits, targets, Batch, p, dz);
            L.SigmoidBinaryCrossEntropy(logits, targets, Batch, dz);
            L.SigmoidBinaryCrossEntropy(logits, targets, Batch, p, dz);
            L.HalfSquaredError(logits, targets, Batch, dz);
        }

        Action call = All;
        SteadyStateAllocation.AssertNone(call, "every loss kernel");
    }
}
