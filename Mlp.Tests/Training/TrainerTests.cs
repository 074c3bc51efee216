using SimdMlp.Kernels;
using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Training;

public sealed class TrainerTests
{
    private static readonly MlpDefinition s_definition =
        new([2, 16, 2], [ActivationKind.Tanh], OutputHead.SoftmaxCrossEntropy);

    [Fact]
    public void Early_stopping_stops_and_restores_the_best_weights()
    {
        // Random labels: validation loss soon rises as the network memorises the training set.
        float[] x = Networks.Uniform(2 * 200, 1);
        int[] labels = Networks.Labels(200, 2, 2);
        float[] vx = Networks.Uniform(2 * 100, 3);
        int[] vlabels = Networks.Labels(100, 2, 4);
        var model = MultiLayerPerceptron.Create(new MlpDefinition([2, 64, 64, 2], [ActivationKind.Relu, ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy), 1);
        float[]? bestWeights = null;
        var trainer = new Trainer(model, new TrainerOptions
        {
            BatchSize = 16,
            Epochs = 200,
            Optimizer = OptimizerSettings.Adam(0.01),
            EarlyStoppingPatience = 3,
            EpochCompleted = m =>
            {
                if (m.IsBest) bestWeights = model.Parameters.ToArray();
            },
        });
        TrainingResult result = trainer.Fit(new SampleSet(x, labels), new SampleSet(vx, vlabels));

        Assert.True(result.StoppedEarly);
        Assert.True(result.History.Count < 200);
        Assert.Equal(result.BestEpoch + 3, result.History.Count);
        Assert.True(result.RestoredBestWeights);
        Assert.Equal(bestWeights, model.Parameters.ToArray());
        double bestLoss = result.History.Min(m => m.ValidationLoss);
        Assert.Equal(bestLoss, result.History[result.BestEpoch - 1].ValidationLoss);
        Assert.Equal(bestLoss, trainer.Evaluate(new SampleSet(vx, vlabels)).Loss, 1e-6);
    }

    [Fact]
    public void Validation_fraction_holds_out_samples_and_reports_them()
    {
        (float[] x, int[] labels) = TwoMoons.Generate(200, 1);
        var history = new List<EpochMetrics>();
        var trainer = new Trainer(MultiLayerPerceptron.Create(s_definition, 2), new TrainerOptions
        {
            BatchSize = 20,
            Epochs = 3,
            ValidationFraction = 0.25,
            RestoreBestWeights = false,
            EpochCompleted = history.Add,
        });
        TrainingResult result = trainer.Fit(new SampleSet(x, labels));
        Assert.Equal(3, history.Count);
        Assert.All(history, m => Assert.False(double.IsNaN(m.ValidationLoss)));
        Assert.All(history, m => Assert.InRange(m.ValidationAccuracy, 0, 1));
        Assert.All(history, m => Assert.True(double.IsNaN(m.TestLoss)));
        Assert.All(history, m => Assert.True(m.Seconds >= m.TrainSeconds && m.TrainSeconds > 0));
        Assert.False(result.RestoredBestWeights);
        Assert.Equal([1, 2, 3], history.Select(m => m.Epoch));
        Assert.Equal(3 * 8, trainer.StepCount); // 150 training samples: 7 batches of 20 and one of 10 per epoch
    }

    [Fact]
    public void Batch_progress_reports_every_batch_and_leaves_training_unchanged()
    {
        (float[] x, int[] labels) = TwoMoons.Generate(150, 1);
        var options = new TrainerOptions { BatchSize = 20, Epochs = 3, Optimizer = OptimizerSettings.Adam(0.01), Seed = 4 };
        var sizes = new List<int>();
        var watched = MultiLayerPerceptron.Create(s_definition, 2);
        new Trainer(watched, options with { BatchCompleted = sizes.Add }).Fit(new SampleSet(x, labels));
        var plain = MultiLayerPerceptron.Create(s_definition, 2);
        new Trainer(plain, options).Fit(new SampleSet(x, labels));

        // 150 samples: 7 batches of 20 and one of 10 per epoch, in that order.
        int[] epoch = [20, 20, 20, 20, 20, 20, 20, 10];
        Assert.Equal([.. epoch, .. epoch, .. epoch], sizes);
        Assert.Equal(plain.Parameters.ToArray(), watched.Parameters.ToArray());
    }

    [Fact]
    public void The_schedule_sets_the_learning_rate_per_epoch()
    {
        (float[] x, int[] labels) = TwoMoons.Generate(40, 1);
        var rates = new List<double>();
        var trainer = new Trainer(MultiLayerPerceptron.Create(s_definition, 2), new TrainerOptions
        {
            BatchSize = 40,
            Epochs = 5,
            Optimizer = OptimizerSettings.Momentum(0.1),
            Schedule = LearningRateSchedule.Step(2, 0.5),
            EpochCompleted = m => rates.Add(m.LearningRate),
        });
        trainer.Fit(new SampleSet(x, labels));
        Assert.Equal([0.1, 0.1, 0.05, 0.05, 0.025], rates);
        Assert.Equal(0.025, trainer.LearningRate);
    }

    [Fact]
    public void Schedules_follow_their_formulas()
    {
        Assert.Equal(0.3, LearningRateSchedule.Constant.RateAt(0.3, 7, 10));
        Assert.Equal(0.3 * 0.1 * 0.1, LearningRateSchedule.Step(3, 0.1).RateAt(0.3, 6, 10), 1e-15);
        LearningRateSchedule cosine = LearningRateSchedule.Cosine(0.1);
        Assert.Equal(1.0, cosine.RateAt(1, 0, 10), 1e-15);
        Assert.Equal(0.55, cosine.RateAt(1, 5, 10), 1e-15);
        Assert.Equal(0.1, cosine.RateAt(1, 10, 10), 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(1.5));
    }

    [Fact]
    public void Step_and_ComputeGradients_then_ApplyGradients_agree()
    {
        (float[] x, int[] labels) = TwoMoons.Generate(8, 1);
        var a = MultiLayerPerceptron.Create(s_definition, 2);
        var b = MultiLayerPerceptron.Create(s_definition, 2);
        var options = new TrainerOptions { BatchSize = 8, Optimizer = OptimizerSettings.AdamW(0.01) };
        var ta = new Trainer(a, options);
        var tb = new Trainer(b, options);
        for (int i = 0; i < 3; i++)
        {
            float la = ta.Step(x, labels);
            float lb = tb.ComputeGradients(x, labels);
            Assert.Equal(la, lb);
            Assert.True(ta.Gradients.SequenceEqual(tb.Gradients));
            tb.ApplyGradients();
        }

        Assert.True(a.Parameters.SequenceEqual(b.Parameters));
        Assert.Equal(3, ta.StepCount);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_clear_messages()
    {
        var model = MultiLayerPerceptron.Create(s_definition, 1);
        var trainer = new Trainer(model, new TrainerOptions { BatchSize = 4 });
        var e = Assert.Throws<ArgumentException>(() => trainer.Step(new float[10], new int[5]));
        Assert.Contains("BatchSize = 4", e.Message);
        e = Assert.Throws<ArgumentException>(() => trainer.Step(new float[5], new int[2]));
        Assert.Equal("inputs", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Step(new float[4], [0, 2]));
        e = Assert.Throws<ArgumentException>(() => trainer.Step(new float[4], new float[3], 2));
        Assert.Equal("targets", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.LearningRate = -1);

        e = Assert.Throws<ArgumentException>(() => trainer.Fit(new SampleSet(new float[9], new int[3])));
        Assert.Contains("3 features", e.Message);
        Assert.Throws<ArgumentException>(() => trainer.Fit(default));
        Assert.Throws<InvalidOperationException>(() => new Trainer(model, new TrainerOptions { EarlyStoppingPatience = 2 })
            .Fit(new SampleSet(new float[4], new int[2])));
        var linear = MultiLayerPerceptron.Create(new MlpDefinition([2, 1], [], OutputHead.LinearSquaredError), 1);
        e = Assert.Throws<ArgumentException>(() => new Trainer(linear).Step(new float[2], [0]));
        Assert.Contains("LinearSquaredError", e.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, new TrainerOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, new TrainerOptions { ValidationFraction = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, new TrainerOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerSettings.Adam(beta1: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerSettings.Momentum(0.1, momentum: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerSettings.Sgd(-0.1));
        Assert.Throws<ArgumentException>(() => new SampleSet(new float[5], new int[2]));
        Assert.Throws<ArgumentException>(() => new SampleSet(new float[4], new float[3], 2));
    }
}
