using SimdMlp.Cli.Data;
using SimdMlp.Cli.Training;
using SimdMlp.IO;
using SimdMlp.Training;

namespace SimdMlp.Cli.Tests;

/// <summary>The command line's batch-by-batch loop must train exactly as the library's <see cref="Trainer.Fit"/>.</summary>
public sealed class TrainingLoopTests
{
    [Fact]
    public void Loop_gives_the_weights_and_losses_of_Trainer_Fit_bit_for_bit()
    {
        DatasetSplit data = BuiltinData.Load();
        var train = new Dataset(data.Train.Features[..(700 * 784)], 784, data.Train.Labels[..700], 10);
        var settings = new TrainSettings { HiddenLayers = [32], Epochs = 3, BatchSize = 50, Seed = 5, Threads = 1 };
        MlpDefinition definition = settings.Definition(784, 10);

        var ours = MultiLayerPerceptron.Create(definition, settings.Seed);
        int batches = 0;
        List<EpochResult> history = new TrainingLoop(ours, settings).Run(train, data.Test, _ => batches++, null);

        var reference = MultiLayerPerceptron.Create(definition, settings.Seed);
        TrainingResult fit = new Trainer(reference, settings.TrainerOptions)
            .Fit(new SampleSet(train.Features, train.Labels), test: new SampleSet(data.Test.Features, data.Test.Labels));

        Assert.Equal(3 * 14, batches);
        Assert.True(reference.Parameters.SequenceEqual(ours.Parameters), "the loop's weights differ from Trainer.Fit's");
        for (int e = 0; e < 3; e++)
        {
            Assert.Equal(fit.History[e].TrainLoss, history[e].TrainLoss);
            Assert.Equal(fit.History[e].TestAccuracy, history[e].TestAccuracy);
            Assert.Equal(fit.History[e].LearningRate, history[e].LearningRate);
        }
    }

    [Fact]
    public void Hold_out_is_seeded_disjoint_and_complete()
    {
        int n = 101;
        float[] features = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
        int[] labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        var all = new Dataset(features, 1, labels, 3);

        DatasetSplit a = HoldOut.Split(all, 0.2, seed: 1, "x.csv");
        DatasetSplit b = HoldOut.Split(all, 0.2, seed: 1, "x.csv");
        DatasetSplit c = HoldOut.Split(all, 0.2, seed: 2, "x.csv");
        Assert.Equal(20, a.Test.Count);
        Assert.Equal(81, a.Train.Count);
        Assert.Equal(a.Test.Features, b.Test.Features);
        Assert.NotEqual(a.Test.Features, c.Test.Features);
        Assert.Equal(features, a.Train.Features.Concat(a.Test.Features).Order().ToArray());
        for (int i = 0; i < a.Test.Count; i++) Assert.Equal((int)a.Test.Features[i] % 3, a.Test.Labels[i]);
    }
}
