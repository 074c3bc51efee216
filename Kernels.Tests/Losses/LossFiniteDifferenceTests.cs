using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// The dZ each kernel writes is the gradient of the loss it returns: every element against the central difference
/// (L(z + h) − L(z − h))/2h of the double reference loss, on every kernel family.
/// </summary>
/// <remarks>
/// With h = 1e-5·max(1, |z|) the difference is off by O(h²) ≈ 1e-10 (truncation) plus about 1e-16/h ≈ 1e-11
/// (cancellation), far below the float kernel's own bound, which is what the comparison allows (plus 1e-8).
/// Softmax target rows sum to 1 here, where dZ = (p − y)/m is the exact gradient.
/// </remarks>
public sealed class LossFiniteDifferenceTests
{
    [Theory]
    [MemberData(nameof(LossLengthTests.KindsAndPaths), MemberType = typeof(LossLengthTests))]
    public void dZ_is_the_central_difference_of_the_loss(LossKind kind, SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        foreach (var (batch, columns) in new[] { (1, 1), (1, 5), (3, 4), (2, 9), (4, 17), (2, 33) })
        {
            var c = new LossCase(kind, path, batch, columns, Scale: 3, Probabilities: true, Seed: batch * 100 + columns);
            var data = LossProblem.Make(c);
            var dz = new float[c.Length];
            var p = new float[c.Length];
            _ = kind switch
            {
                LossKind.SoftmaxLabels => SoftmaxCrossEntropyKernel.Run(path, data.Logits, data.Labels, columns, p, dz),
                LossKind.SoftmaxTargets => SoftmaxCrossEntropyKernel.Run(path, data.Logits, data.Targets, batch, p, dz),
                LossKind.SigmoidBinaryCrossEntropy =>
                    SigmoidBinaryCrossEntropyKernel.Run(path, data.Logits, data.Targets, batch, p, dz),
                _ => HalfSquaredErrorKernel.Run(path, data.Logits, data.Targets, batch, dz),
            };

            var z = Array.ConvertAll(data.Logits, v => (double)v);
            var bounds = LossProblem.Reference(kind, data, batch).DZBound;
            for (int k = 0; k < z.Length; k++)
            {
                double h = 1e-5 * Math.Max(1, Math.Abs(z[k])), saved = z[k];
                z[k] = saved + h;
                double plus = Loss(kind, z, data, batch);
                z[k] = saved - h;
                double minus = Loss(kind, z, data, batch);
                z[k] = saved;
                double difference = (plus - minus) / (2 * h);
                ReferenceAssert.Within(dz[k], difference, bounds[k] + 1e-8, $"{c}: dZ vs central difference", k);
            }
        }
    }

    private static double Loss(LossKind kind, double[] z, LossProblem.Data data, int batch)
    {
        var y = Array.ConvertAll(data.Targets, v => (double)v);
        return kind switch
        {
            LossKind.SoftmaxLabels or LossKind.SoftmaxTargets => LossReference.SoftmaxCrossEntropy(z, y, batch).Loss,
            LossKind.SigmoidBinaryCrossEntropy => LossReference.SigmoidBinaryCrossEntropy(z, y, batch).Loss,
            _ => LossReference.HalfSquaredError(z, y, batch).Loss,
        };
    }
}
