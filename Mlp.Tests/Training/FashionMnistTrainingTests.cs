using SimdMlp.IO;
using SimdMlp.Kernels;
using SimdMlp.Training;

namespace SimdMlp.Tests.Training;

/// <summary>
/// End to end on real data: two epochs of 784-256-128-10 (Adam) on the first 10 000 Fashion-MNIST training images
/// must classify the 10 000 test images far better than chance. CI installs the data (dataset-fashion-mnist).
/// </summary>
/// <remarks>
/// The stated bar, 0.80, sits under what this run reaches on every SIMD path (measured 0.8316 to 0.8346 across the
/// AVX-512, AVX2, 128-bit and scalar paths; one epoch reached only 0.778, too close to call) and far over chance
/// (0.10) or a network that fails to learn: a broken gradient, optimizer or data reader misses it.
/// </remarks>
public sealed class FashionMnistTrainingTests
{
    private const double RequiredTestAccuracy = 0.80;

    [Fact]
    public void Two_epochs_on_ten_thousand_images_beat_the_stated_accuracy()
    {
        string folder = Environment.GetEnvironmentVariable("SIMDMLP_FASHION_MNIST_DIR") is { Length: > 0 } dir
            ? dir
            : IdxFolder.DebianFashionMnist;
        Assert.True(Directory.Exists(folder),
            $"Fashion-MNIST is not installed in {folder}: `sudo apt-get install -y dataset-fashion-mnist` (scripts/test.sh does it).");
        var split = IdxFolder.Load(folder);
        const int trainCount = 10_000;
        // The bytes, as the CLI and the benchmark train: each batch is converted as it is gathered.
        var trainX = split.Train.ByteFeatures.AsSpan(0, trainCount * 784);
        var trainY = split.Train.Labels.AsSpan(0, trainCount);

        var definition = new MlpDefinition([784, 256, 128, 10],
            [new ActivationFunction(ActivationKind.Relu), new ActivationFunction(ActivationKind.Relu)],
            OutputHead.SoftmaxCrossEntropy);
        var model = MultiLayerPerceptron.Create(definition, seed: 1);
        var trainer = new Trainer(model, new TrainerOptions
        {
            BatchSize = 64,
            Epochs = 2,
            Optimizer = OptimizerSettings.Adam(1e-3),
            Seed = 1,
            MaxDegreeOfParallelism = 2,
        });

        trainer.Fit(new SampleSet(trainX, trainY));
        var test = trainer.Evaluate(split.Test.ToSampleSet());

        Assert.Equal(10_000, test.Count);
        Assert.True(test.Accuracy >= RequiredTestAccuracy,
            $"test accuracy {test.Accuracy:F4} after two epochs on {trainCount} images; required {RequiredTestAccuracy}");
    }
}
