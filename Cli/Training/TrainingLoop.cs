using System.Diagnostics;
using SimdMlp.IO;
using SimdMlp.Training;

namespace SimdMlp.Cli.Training;

/// <summary>
/// Trains batch by batch so that a progress bar can follow every batch (<see cref="Trainer.Fit"/> reports only whole
/// epochs). It takes the same steps as <see cref="Trainer.Fit"/> without validation: the same SplitMix64 shuffle of
/// the same seed, the schedule's rate at each epoch's start, <see cref="Trainer.Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/>
/// on each batch in order, so the weights equal Fit's bit for bit (Cli.Tests checks it).
/// </summary>
internal sealed class TrainingLoop(MultiLayerPerceptron model, TrainSettings settings)
{
    /// <param name="train">The samples to train on.</param>
    /// <param name="test">Evaluated after every epoch.</param>
    /// <param name="batchDone">Called after each batch with its sample count; may be null.</param>
    /// <param name="epochDone">Called after each epoch; may be null.</param>
    public List<EpochResult> Run(Dataset train, Dataset test, Action<int>? batchDone, Action<EpochResult>? epochDone)
    {
        var trainer = new Trainer(model, settings.TrainerOptions);
        var random = new SplitMix64(settings.Seed);
        int[] order = new int[train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;

        int width = train.FeatureCount, batchSize = settings.BatchSize;
        float[] inputs = new float[batchSize * width];
        int[] labels = new int[batchSize];
        var history = new List<EpochResult>(settings.Epochs);
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            long start = Stopwatch.GetTimestamp();
            trainer.LearningRate = settings.Schedule.RateAt(settings.BaseLearningRate, epoch, settings.Epochs);
            random.Shuffle(order);
            double lossSum = 0;
            for (int first = 0; first < order.Length; first += batchSize)
            {
                int batch = Math.Min(batchSize, order.Length - first);
                for (int i = 0; i < batch; i++)
                {
                    int row = order[first + i];
                    train.Features.AsSpan(row * width, width).CopyTo(inputs.AsSpan(i * width, width));
                    labels[i] = train.Labels[row];
                }

                float loss = trainer.Step(inputs.AsSpan(0, batch * width), labels.AsSpan(0, batch));
                lossSum += (double)loss * batch;
                batchDone?.Invoke(batch);
            }

            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            Evaluation tested = trainer.Evaluate(new SampleSet(test.Features, test.Labels));
            var result = new EpochResult(epoch + 1, trainer.LearningRate, lossSum / order.Length, tested.Loss, tested.Accuracy, seconds);
            history.Add(result);
            epochDone?.Invoke(result);
        }

        return history;
    }
}
