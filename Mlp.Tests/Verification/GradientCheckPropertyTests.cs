using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels;
using SimdMlp.Tests.Support;

namespace SimdMlp.Tests.Verification;

/// <summary>Backpropagation against double-precision finite differences on random small networks.</summary>
public sealed class GradientCheckPropertyTests
{
    private static readonly ActivationFunction[] s_activations =
    [
        ActivationKind.Identity, ActivationKind.Relu, new ActivationFunction(ActivationKind.LeakyRelu, 0.1f),
        ActivationKind.Sigmoid, ActivationKind.Tanh, ActivationKind.Gelu,
    ];

    public sealed record NetworkCase(int[] Sizes, ActivationFunction[] Hidden, OutputHead Head, int Batch, bool UseLabels, int Seed)
    {
        public override string ToString() =>
            $"{string.Join('-', Sizes)} [{string.Join(", ", Hidden.Select(h => h.Kind))}] {Head} batch {Batch} labels {UseLabels} seed {Seed}";
    }

    private static Gen<NetworkCase> Cases =>
        from hidden in Gen.Choose(1, 3)
        from sizes in Gen.ArrayOf(Gen.Choose(1, 8), hidden + 2)
        from activations in Gen.ArrayOf(Gen.Elements(s_activations), hidden)
        from head in Gen.Elements(OutputHead.SoftmaxCrossEntropy, OutputHead.SigmoidBinaryCrossEntropy, OutputHead.LinearSquaredError)
        from batch in Gen.Choose(1, 5)
        from useLabels in Gen.Elements(true, false)
        from seed in Gen.Choose(0, int.MaxValue)
        select new NetworkCase(sizes, activations, head, batch, useLabels && head != OutputHead.LinearSquaredError, seed);

    [Property(MaxTest = 150)]
    public Property Analytic_gradients_match_finite_differences() =>
        Prop.ForAll(Cases.ToArbitrary(), Check);

    [Fact]
    public void Every_activation_and_head_is_checked_on_a_two_hidden_layer_network()
    {
        foreach (ActivationFunction activation in s_activations)
        {
            foreach (OutputHead head in Enum.GetValues<OutputHead>())
                Check(new NetworkCase([5, 7, 6, 4], [activation, activation], head, 3, head != OutputHead.LinearSquaredError, 7));
        }
    }

    [Fact]
    public void The_result_names_every_tensor_and_a_mismatch_fails()
    {
        var definition = new MlpDefinition([3, 4, 2], [ActivationKind.Tanh], OutputHead.LinearSquaredError);
        MultiLayerPerceptron model = Networks.Random(definition, 1);
        GradientCheckResult good = GradientCheck.Run(model, Networks.Uniform(6, 2), Networks.Uniform(4, 3), 2);
        Assert.True(good.IsWithin(1e-4, 1e-3), good.ToString());
        Assert.Equal(["W0", "b0", "W1", "b1", "X"], good.Tensors.Select(t => t.Name));
        Assert.Equal(12, good.Tensors[0].Analytic.Count);
        Assert.Equal(6, good.Tensors[^1].Numeric.Count);

        var wrong = new TensorGradientCheck("W0", [1.0, 0.0], [1.01, 0.0], [false, false]);
        Assert.False(wrong.IsWithin(1e-4, 1e-3));
        Assert.Equal(0.01, wrong.MaxAbsoluteError, 1e-12);
        var skipped = new TensorGradientCheck("W0", [1.0], [5.0], [true]);
        Assert.True(skipped.IsWithin(0, 0));
        Assert.Equal(1, skipped.SkippedAtKinks);
    }

    private static void Check(NetworkCase c)
    {
        var definition = new MlpDefinition(c.Sizes, c.Hidden, c.Head);
        MultiLayerPerceptron model = Networks.Random(definition, c.Seed);
        float[] x = Networks.Uniform(c.Batch * c.Sizes[0], c.Seed + 1, 2.0);
        GradientCheckResult result;
        if (c.UseLabels)
        {
            int classes = c.Head == OutputHead.SigmoidBinaryCrossEntropy && c.Sizes[^1] == 1 ? 2 : c.Sizes[^1];
            result = GradientCheck.Run(model, x, Networks.Labels(c.Batch, classes, c.Seed + 2));
        }
        else
        {
            float[] y = Networks.Uniform(c.Batch * c.Sizes[^1], c.Seed + 2);
            if (c.Head != OutputHead.LinearSquaredError)
            {
                for (int i = 0; i < y.Length; i++) y[i] = 0.5f * (y[i] + 1); // probabilities in [0, 1]
            }

            if (c.Head == OutputHead.SoftmaxCrossEntropy) NormalizeRows(y, c.Sizes[^1]);
            result = GradientCheck.Run(model, x, y, c.Batch);
        }

        Assert.True(Math.Abs(result.Loss - result.ReferenceLoss) <= 1e-5 * (1 + Math.Abs(result.ReferenceLoss)), $"{c}\n{result}");
        Assert.True(result.IsWithin(2e-5, 2e-3), $"{c}\n{result}");
    }

    private static void NormalizeRows(float[] y, int columns)
    {
        for (int i = 0; i < y.Length; i += columns)
        {
            float sum = 0;
            for (int j = 0; j < columns; j++) sum += y[i + j];
            for (int j = 0; j < columns; j++) y[i + j] = sum > 0 ? y[i + j] / sum : 1f / columns;
        }
    }
}
