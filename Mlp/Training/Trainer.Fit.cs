using System.Diagnostics;
using SimdMlp.IO;

namespace SimdMlp.Training;

public sealed partial class Trainer
{
    /// <summary>
    /// Trains for up to <see cref="TrainerOptions.Epochs"/> epochs of shuffled mini-batches, evaluating after each
    /// epoch, reporting through <see cref="TrainerOptions.EpochCompleted"/>, and stopping early and restoring the
    /// best weights as the options say.
    /// </summary>
    /// <param name="training">The training samples.</param>
    /// <param name="validation">
    /// Validation samples for early stopping and best-weight selection; when empty, <see cref="TrainerOptions.ValidationFraction"/>
    /// of <paramref name="training"/> is held out instead.
    /// </param>
    /// <param name="test">Samples only evaluated and reported each epoch; may be empty.</param>
    /// <returns>The per-epoch history and how training ended.</returns>
    /// <exception cref="ArgumentException">A set does not match the network, or the training set is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class of the network.</exception>
    /// <exception cref="InvalidOperationException">Early stopping is on but there is no validation data.</exception>
    /// <remarks>
    /// The schedule's rate is set at the start of each epoch. Index arrays and the best-weights snapshot are allocated
    /// once per call; the steps themselves allocate nothing. The same seed and data give bit-identical weights
    /// whatever <see cref="TrainerOptions.MaxDegreeOfParallelism"/>.
    /// </remarks>
    public TrainingResult Fit(SampleSet training, SampleSet validation = default, SampleSet test = default)
    {
        if (training.IsEmpty) throw new ArgumentException("The training set is empty.", nameof(training));
        training.Validate(Model.Definition, nameof(training));
        validation.Validate(Model.Definition, nameof(validation));
        test.Validate(Model.Definition, nameof(test));

        long start = Stopwatch.GetTimestamp();
        var random = new SplitMix64(Options.Seed);
        int[] order = Sequence(training.Count);
        int[] heldOut = [];
        if (validation.IsEmpty && Options.ValidationFraction > 0)
        {
            random.Shuffle(order);
            int count = (int)(training.Count * Options.ValidationFraction);
            if (count == training.Count) count--;
            heldOut = order[^count..];
            order = order[..^count];
        }

        bool hasValidation = !validation.IsEmpty || heldOut.Length > 0;
        if (Options.EarlyStoppingPatience > 0 && !hasValidation)
        {
            throw new InvalidOperationException(
                "EarlyStoppingPatience needs validation data: pass a validation set or set ValidationFraction > 0.");
        }

        float[]? best = hasValidation && Options.RestoreBestWeights ? new float[Model.Definition.ParameterCount] : null;
        var history = new List<EpochMetrics>(Options.Epochs);
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, sinceBest = 0;
        bool stoppedEarly = false;
        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            long epochStart = Stopwatch.GetTimestamp();
            LearningRate = Options.Schedule.RateAt(Options.Optimizer.LearningRate, epoch, Options.Epochs);
            if (Options.Shuffle) random.Shuffle(order);
            (double trainLoss, double trainAccuracy) = TrainEpoch(training, order);
            double trainSeconds = Stopwatch.GetElapsedTime(epochStart).TotalSeconds;

            Evaluation validated = !validation.IsEmpty ? Evaluate(validation, [])
                : heldOut.Length > 0 ? Evaluate(training, heldOut)
                : new Evaluation(double.NaN, double.NaN, 0);
            Evaluation tested = test.IsEmpty ? new Evaluation(double.NaN, double.NaN, 0) : Evaluate(test, []);

            bool isBest = false;
            if (hasValidation)
            {
                if (bestEpoch == 0 || validated.Loss < bestLoss - Options.EarlyStoppingMinDelta)
                {
                    isBest = true;
                    bestLoss = validated.Loss;
                    bestEpoch = epoch + 1;
                    sinceBest = 0;
                    if (best is not null) Model.Parameters.CopyTo(best);
                }
                else
                {
                    sinceBest++;
                }
            }
            else
            {
                bestEpoch = epoch + 1;
            }

            var metrics = new EpochMetrics(epoch + 1, LearningRate, trainLoss, trainAccuracy, validated.Loss,
                validated.Accuracy, tested.Loss, tested.Accuracy, trainSeconds,
                Stopwatch.GetElapsedTime(epochStart).TotalSeconds, isBest);
            history.Add(metrics);
            Options.EpochCompleted?.Invoke(metrics);
            if (Options.EarlyStoppingPatience > 0 && sinceBest >= Options.EarlyStoppingPatience)
            {
                stoppedEarly = epoch + 1 < Options.Epochs;
                break;
            }
        }

        bool restored = false;
        if (best is not null && bestEpoch != history.Count)
        {
            Model.SetParameters(best);
            restored = true;
        }

        return new TrainingResult(history, bestEpoch, stoppedEarly, restored, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>The network's mean loss and accuracy over <paramref name="samples"/>, in batches of <see cref="TrainerOptions.BatchSize"/>.</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>Loss, accuracy and count; NaN for an empty set.</returns>
    /// <exception cref="ArgumentException">The set does not match the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class of the network.</exception>
    public Evaluation Evaluate(SampleSet samples)
    {
        samples.Validate(Model.Definition, nameof(samples));
        return Evaluate(samples, []);
    }

    /// <summary>One pass over the training samples in <paramref name="order"/>: (mean loss, accuracy).</summary>
    private (double Loss, double Accuracy) TrainEpoch(SampleSet samples, int[] order)
    {
        double lossSum = 0, correct = 0;
        int batchSize = Options.BatchSize;
        for (int first = 0; first < order.Length; first += batchSize)
        {
            ReadOnlySpan<int> indices = order.AsSpan(first, Math.Min(batchSize, order.Length - first));
            int batch = indices.Length;
            Gather(samples, indices);
            ReadOnlySpan<float> inputs = _batchInputs.AsSpan(0, batch * _plan.InputSize);
            ReadOnlySpan<float> parameters = Model.Parameters;
            _engine.Forward(parameters, inputs, batch, Options.MaxDegreeOfParallelism);
            float loss = samples.HasTargets
                ? _engine.Loss(batch, _batchTargets.AsSpan(0, batch * _plan.OutputSize))
                : _engine.Loss(batch, _batchLabels.AsSpan(0, batch));
            correct += CountCorrect(samples.HasTargets, batch);
            _engine.Backward(parameters, inputs, batch, false, Options.MaxDegreeOfParallelism);
            ApplyGradients();
            lossSum += (double)loss * batch;
            Options.BatchCompleted?.Invoke(batch);
        }

        return (lossSum / order.Length, correct / order.Length);
    }

    /// <summary>Loss and accuracy over the samples at <paramref name="indices"/>, or all of them in order when empty.</summary>
    private Evaluation Evaluate(SampleSet samples, ReadOnlySpan<int> indices)
    {
        int count = indices.IsEmpty ? samples.Count : indices.Length;
        if (count == 0) return new Evaluation(double.NaN, double.NaN, 0);
        double lossSum = 0, correct = 0;
        int batchSize = Options.BatchSize;
        ReadOnlySpan<float> parameters = Model.Parameters;
        for (int first = 0; first < count; first += batchSize)
        {
            int batch = Math.Min(batchSize, count - first);
            ReadOnlySpan<float> inputs;
            ReadOnlySpan<int> labels = default;
            ReadOnlySpan<float> targets = default;
            if (indices.IsEmpty)
            {
                // In order: read the caller's float rows in place, no copy; byte rows are converted.
                if (samples.HasByteInputs)
                {
                    UnitRange.FromBytes(samples.ByteInputs.Slice(first * _plan.InputSize, batch * _plan.InputSize), _batchInputs);
                    inputs = _batchInputs.AsSpan(0, batch * _plan.InputSize);
                }
                else
                {
                    inputs = samples.Inputs.Slice(first * _plan.InputSize, batch * _plan.InputSize);
                }

                if (samples.HasTargets) targets = samples.Targets.Slice(first * _plan.OutputSize, batch * _plan.OutputSize);
                else labels = samples.Labels.Slice(first, batch);
            }
            else
            {
                Gather(samples, indices.Slice(first, batch));
                inputs = _batchInputs.AsSpan(0, batch * _plan.InputSize);
                if (samples.HasTargets) targets = _batchTargets.AsSpan(0, batch * _plan.OutputSize);
                else labels = _batchLabels.AsSpan(0, batch);
            }

            _engine.Forward(parameters, inputs, batch, Options.MaxDegreeOfParallelism);
            float loss = samples.HasTargets ? _engine.Loss(batch, targets) : _engine.Loss(batch, labels);
            lossSum += (double)loss * batch;
            correct += samples.HasTargets
                ? Accuracy.Correct(_plan.Head, _engine.Predictions(batch), targets, batch, _plan.OutputSize)
                : Accuracy.Correct(_plan.Head, _engine.Predictions(batch), labels, _plan.OutputSize);
        }

        return new Evaluation(lossSum / count, correct / count, count);
    }

    /// <summary>Copies the rows at <paramref name="indices"/> into the batch buffers.</summary>
    private void Gather(SampleSet samples, ReadOnlySpan<int> indices)
    {
        int features = _plan.InputSize, outputs = _plan.OutputSize;
        if (samples.HasByteInputs)
            _gather.Run(samples.ByteInputs, features, indices, _batchInputs, Options.MaxDegreeOfParallelism);
        else
            _gather.Run(samples.Inputs, features, indices, _batchInputs, Options.MaxDegreeOfParallelism);
        for (int i = 0; i < indices.Length; i++)
        {
            int row = indices[i];
            if (samples.HasTargets)
                samples.Targets.Slice(row * outputs, outputs).CopyTo(_batchTargets.AsSpan(i * outputs, outputs));
            else
                _batchLabels[i] = samples.Labels[row];
        }
    }

    private double CountCorrect(bool hasTargets, int batch) => hasTargets
        ? Accuracy.Correct(_plan.Head, _engine.Predictions(batch), _batchTargets.AsSpan(0, batch * _plan.OutputSize), batch, _plan.OutputSize)
        : Accuracy.Correct(_plan.Head, _engine.Predictions(batch), _batchLabels.AsSpan(0, batch), _plan.OutputSize);

    private static int[] Sequence(int count)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++) values[i] = i;
        return values;
    }
}
