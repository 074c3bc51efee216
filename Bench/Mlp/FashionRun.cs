using System.Diagnostics;
using SimdMlp.IO;
using SimdMlp.Training;

namespace SimdMlp.Bench.Mlp;

/// <summary>
/// Settings of the Fashion-MNIST run: Adam at <see cref="LearningRate"/>, cosine schedule to 5 % of it over
/// <see cref="FashionRun.Epochs"/> epochs, <see cref="FashionRun.Threads"/> threads; <see cref="Seed"/> seeds both the
/// initial weights and the shuffles.
/// </summary>
public sealed record FashionSettings(int Batch, double LearningRate, int Seed)
{
    public static FashionSettings Default { get; } = new(256, 3e-3, 1);
}

/// <summary>
/// Trains the benchmark network on Fashion-MNIST with <see cref="Trainer.Fit"/>; the test set is evaluated after every
/// epoch (outside the training seconds, which count only the epochs' steps). Then times one-sample predict of the
/// trained model on the test images, the inputs a deployed model sees (half their pixels are zero).
/// </summary>
public static class FashionRun
{
    public const int Epochs = 10;
    public const int Threads = 2;
    public const double CosineMinimum = 0.05;
    public const double TargetAccuracy = 0.89;

    public static string InstallHint =>
        $"Fashion-MNIST not found in {IdxFolder.DebianFashionMnist}; install it with `sudo apt-get install -y dataset-fashion-mnist`.";

    public static bool IsAvailable => Directory.Exists(IdxFolder.DebianFashionMnist);

    public static FashionResult Run(FashionSettings settings, MlpBenchPlan plan, Action<string> progress)
    {
        long loadStart = Stopwatch.GetTimestamp();
        DatasetSplit data = IdxFolder.Load(IdxFolder.DebianFashionMnist);
        double loadSeconds = Stopwatch.GetElapsedTime(loadStart).TotalSeconds;
        progress($"Fashion-MNIST: {data.Train.Count} training + {data.Test.Count} test images loaded in {loadSeconds:F2} s");

        int batch = settings.Batch, seed = settings.Seed;
        var model = MultiLayerPerceptron.Create(MlpNetwork.Definition, seed);
        var trainer = new Trainer(model, new TrainerOptions
        {
            BatchSize = batch,
            Epochs = Epochs,
            Optimizer = OptimizerSettings.Adam(settings.LearningRate),
            Schedule = LearningRateSchedule.Cosine(CosineMinimum),
            Seed = seed,
            MaxDegreeOfParallelism = Threads,
            EpochCompleted = m => progress(
                $"  epoch {m.Epoch,2}: lr {m.LearningRate:G3}, train loss {m.TrainLoss:F4}, test accuracy {m.TestAccuracy:F4}, train {m.TrainSeconds:F2} s"),
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        TrainingResult result = trainer.Fit(data.Train.ToSampleSet(), test: data.Test.ToSampleSet());

        var history = result.History;
        double[] epochSeconds = history.Select(m => m.TrainSeconds).ToArray();
        double[] accuracies = history.Select(m => m.TestAccuracy).ToArray();
        int firstAtTarget = Array.FindIndex(accuracies, a => a >= TargetAccuracy) + 1;
        double toTarget = firstAtTarget > 0 ? epochSeconds.Take(firstAtTarget).Sum() : double.NaN;
        progress("timing predict on the test images with the trained model");
        PredictResult imagePredict = PredictSampler.Measure(plan, model, data.Test.Features);
        string described = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Adam lr {settings.LearningRate:G}, batch {batch}, cosine to {CosineMinimum:P0} of lr, {Epochs} epochs, {Threads} threads, seed {seed} (weights and shuffles)");
        return new FashionResult(described, batch, settings.LearningRate, seed, Threads, history.Count, accuracies[^1], accuracies.Max(), epochSeconds.Sum(),
            result.Seconds, loadSeconds, epochSeconds, accuracies, firstAtTarget, toTarget, imagePredict);
    }
}
