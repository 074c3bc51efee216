using System.Globalization;
using SimdMlp.Kernels.Tests.Golden;
using Xunit;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// Each golden case's <c>after_two_steps_same_grad</c>: the weights and biases of all layers in one flat slab (as a
/// network holds them), two steps with PyTorch's gradient from the file, the optimizer's hyper-parameters from the
/// file, against PyTorch's result. Also the update itself (after − before), a far stricter check than the values:
/// each within <see cref="GoldenTolerance.Relative"/> of PyTorch's, plus the float resolution of the weight
/// (4ε·|w|), which bounds how well any float32 implementation can represent a small change of a larger weight.
/// </summary>
public sealed class GoldenOptimizerTests(ITestOutputHelper output)
{
    private const double Eps = 1.0 / (1 << 23);

    public static TheoryData<string, string> CasesAndOptimizers
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var golden in GoldenCases.All)
                foreach (var key in golden.Expected.AfterTwoStepsSameGrad.Keys.Order(StringComparer.Ordinal))
                    data.Add(golden.Name, key);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CasesAndOptimizers))]
    public void Two_steps_reproduce_PyTorch(string name, string optimizer)
    {
        var golden = GoldenCases.Get(name);
        var hyper = golden.Optimizers[optimizer];
        var start = Flatten(golden.Weights, golden.Biases);
        var gradients = Array.ConvertAll(Flatten(golden.Expected.GradWeights, golden.Expected.GradBiases), v => (float)v);
        var after = golden.Expected.AfterTwoStepsSameGrad[optimizer];
        var expected = Flatten(after.Weights, after.Biases);

        var weights = Array.ConvertAll(start, v => (float)v);
        var state1 = new float[weights.Length];
        var state2 = new float[weights.Length];
        for (int step = 1; step <= 2; step++) Step(optimizer, hyper, weights, gradients, state1, state2, step);

        string what = $"{name} {optimizer}";
        double valueError = GoldenTolerance.AssertClose(weights, expected, $"{what}: weights and biases");
        double worstUpdate = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            double update = weights[k] - (double)(float)start[k], expectedUpdate = expected[k] - start[k];
            double bound = GoldenTolerance.Relative * Math.Abs(expectedUpdate)
                + 4 * Eps * Math.Max(Math.Abs(start[k]), Math.Abs(expected[k]));
            double ratio = Math.Abs(update - expectedUpdate) / bound;
            Assert.True(ratio <= 1, string.Create(CultureInfo.InvariantCulture,
                $"{what}: update[{k}] = {update:R}, PyTorch {expectedUpdate:R} ± {bound:G3}."));
            worstUpdate = Math.Max(worstUpdate, ratio);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: max rel error {valueError:G2}; update error ≤ {worstUpdate:P0} of its bound"));
    }

    /// <summary>The optimizer of a golden key with PyTorch's defaults for absent hyper-parameters.</summary>
    private static void Step(string key, GoldenHyperParameters h, float[] w, float[] g, float[] s1, float[] s2, int step)
    {
        if (key.StartsWith("sgd", StringComparison.Ordinal))
        {
            var sgd = new Sgd(h.Lr, h.Momentum ?? 0, h.Dampening ?? 0, h.WeightDecay ?? 0, h.Nesterov ?? false);
            if (sgd.Momentum == 0) sgd.Step(w, g);
            else sgd.Step(w, g, s1, step);
        }
        else if (key == "adamw")
        {
            new AdamW(h.Lr, h.Beta1 ?? 0.9, h.Beta2 ?? 0.999, h.Eps ?? 1e-8, h.WeightDecay ?? 1e-2).Step(w, g, s1, s2, step);
        }
        else if (key == "adam")
        {
            new Adam(h.Lr, h.Beta1 ?? 0.9, h.Beta2 ?? 0.999, h.Eps ?? 1e-8, h.WeightDecay ?? 0).Step(w, g, s1, s2, step);
        }
        else
        {
            Assert.Fail($"Unknown optimizer '{key}' in the golden file: map it to a kernel here.");
        }
    }

    /// <summary>All layers' weights then biases, layer by layer: [W0, b0, W1, b1, …].</summary>
    private static double[] Flatten(double[][] weights, double[][] biases) =>
        weights.Zip(biases, (w, b) => w.Concat(b)).SelectMany(x => x).ToArray();
}
