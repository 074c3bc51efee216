using SimdMlp.Kernels;
using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Training;

/// <summary>The same seed gives bit-identical weights whatever the thread count, and different seeds differ.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Training_is_bit_identical_with_one_or_two_threads()
    {
        float[] a = Train(maxDegreeOfParallelism: 1, seed: 4);
        float[] b = Train(maxDegreeOfParallelism: 2, seed: 4);
        Assert.True(a.AsSpan().SequenceEqual(b), "Weights differ between 1 and 2 threads.");
        float[] c = Train(maxDegreeOfParallelism: 1, seed: 5);
        Assert.False(a.AsSpan().SequenceEqual(c), "A different shuffle seed gave the same weights.");
    }

    [Fact]
    public void Training_with_batches_gathered_on_two_threads_is_bit_identical()
    {
        // 128 rows of 256 features: large enough that the shuffled batch itself is copied on two threads.
        var definition = new MlpDefinition([256, 32, 10], [ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy);
        float[] x = Networks.Uniform(600 * 256, 8);
        int[] labels = Networks.Labels(600, 10, 9);
        float[] Fit(int threads)
        {
            MultiLayerPerceptron model = MultiLayerPerceptron.Create(definition, 3);
            new Trainer(model, new TrainerOptions { BatchSize = 128, Epochs = 2, Seed = 6, MaxDegreeOfParallelism = threads })
                .Fit(new SampleSet(x, labels));
            return model.Parameters.ToArray();
        }

        Assert.True(Fit(1).AsSpan().SequenceEqual(Fit(2)), "Weights differ between 1 and 2 threads.");
    }

    [Fact]
    public void Create_is_deterministic_and_uses_the_documented_ranges()
    {
        var definition = new MlpDefinition([100, 50, 10], [ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy);
        MultiLayerPerceptron a = MultiLayerPerceptron.Create(definition, 42);
        MultiLayerPerceptron b = MultiLayerPerceptron.Create(definition, 42);
        Assert.True(a.Parameters.SequenceEqual(b.Parameters));
        Assert.False(a.Parameters.SequenceEqual(MultiLayerPerceptron.Create(definition, 43).Parameters));

        double he = Math.Sqrt(6.0 / 100), glorot = Math.Sqrt(6.0 / (50 + 10));
        Assert.All(a.Weights(0).ToArray(), w => Assert.InRange(Math.Abs(w), 0, he));
        Assert.True(MaxAbs(a.Weights(0)) > 0.9 * he, "He range not used for the ReLU layer.");
        Assert.All(a.Weights(1).ToArray(), w => Assert.InRange(Math.Abs(w), 0, glorot));
        Assert.True(MaxAbs(a.Weights(1)) > 0.9 * glorot, "Glorot range not used for the output layer.");
        Assert.All(a.Biases(0).ToArray(), bias => Assert.Equal(0f, bias));
    }

    private static float[] Train(int maxDegreeOfParallelism, int seed)
    {
        // Wide enough that the matrix products really split across threads.
        var definition = new MlpDefinition([64, 96, 48, 10], [ActivationKind.Relu, ActivationKind.Gelu], OutputHead.SoftmaxCrossEntropy);
        float[] x = Networks.Uniform(300 * 64, 1);
        int[] labels = Networks.Labels(300, 10, 2);
        MultiLayerPerceptron model = MultiLayerPerceptron.Create(definition, 3);
        var trainer = new Trainer(model, new TrainerOptions
        {
            BatchSize = 64,
            Epochs = 3,
            Optimizer = OptimizerSettings.Adam(0.01),
            ValidationFraction = 0.2,
            Seed = seed,
            MaxDegreeOfParallelism = maxDegreeOfParallelism,
        });
        trainer.Fit(new SampleSet(x, labels));
        return model.Parameters.ToArray();
    }

    private static double MaxAbs(ReadOnlySpan<float> values)
    {
        double max = 0;
        foreach (float v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
