using SimdMlp.Kernels;
using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Training;

/// <summary>Training actually learns: XOR and two moons with fixed seeds.</summary>
public sealed class ToyProblemTests
{
    [Fact]
    public void Xor_is_learned_with_a_sigmoid_head()
    {
        float[] x = [0, 0, 0, 1, 1, 0, 1, 1];
        int[] labels = [0, 1, 1, 0];
        var definition = new MlpDefinition([2, 8, 1], [ActivationKind.Tanh], OutputHead.SigmoidBinaryCrossEntropy);
        MultiLayerPerceptron model = MultiLayerPerceptron.Create(definition, 3);
        var trainer = new Trainer(model, new TrainerOptions { BatchSize = 4, Optimizer = OptimizerSettings.Adam(0.05) });
        float first = trainer.Step(x, labels);
        float last = first;
        for (int i = 0; i < 500; i++) last = trainer.Step(x, labels);

        Assert.True(last < first / 10, $"loss {first} → {last}");
        for (int i = 0; i < 4; i++) Assert.Equal(labels[i], model.PredictClass(x.AsSpan(2 * i, 2)));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    public void Two_moons_loss_decreases_and_accuracy_is_high(OptimizerKind kind)
    {
        (float[] x, int[] labels) = TwoMoons.Generate(400, 11);
        (float[] testX, int[] testLabels) = TwoMoons.Generate(200, 12);
        var definition = new MlpDefinition([2, 16, 16, 2], [ActivationKind.Relu, ActivationKind.Tanh], OutputHead.SoftmaxCrossEntropy);
        OptimizerSettings optimizer = kind switch
        {
            OptimizerKind.Sgd => OptimizerSettings.Sgd(0.3),
            OptimizerKind.Momentum => OptimizerSettings.Momentum(0.05),
            OptimizerKind.Nesterov => OptimizerSettings.Nesterov(0.05),
            OptimizerKind.Adam => OptimizerSettings.Adam(0.02),
            _ => OptimizerSettings.AdamW(0.02),
        };
        var history = new List<EpochMetrics>();
        var trainer = new Trainer(MultiLayerPerceptron.Create(definition, 5), new TrainerOptions
        {
            BatchSize = 32,
            Epochs = 40,
            Optimizer = optimizer,
            Schedule = LearningRateSchedule.Cosine(0.1),
            Seed = 9,
            EpochCompleted = history.Add,
        });
        TrainingResult result = trainer.Fit(new SampleSet(x, labels), test: new SampleSet(testX, testLabels));

        Assert.Equal(40, history.Count);
        Assert.Equal(history, result.History);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss / 3, $"loss {history[0].TrainLoss} → {history[^1].TrainLoss}");
        Assert.True(history[^1].TestAccuracy >= 0.95, $"test accuracy {history[^1].TestAccuracy}");
        Assert.True(double.IsNaN(history[^1].ValidationLoss));
        Assert.Equal(trainer.Evaluate(new SampleSet(testX, testLabels)).Accuracy, history[^1].TestAccuracy);
    }

    [Fact]
    public void Regression_fits_a_smooth_function()
    {
        const int count = 256;
        var x = new float[count];
        var y = new float[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = -2 + 4f * i / (count - 1);
            y[i] = MathF.Sin(x[i]);
        }

        var definition = new MlpDefinition([1, 32, 1], [ActivationKind.Tanh], OutputHead.LinearSquaredError);
        var trainer = new Trainer(MultiLayerPerceptron.Create(definition, 2), new TrainerOptions
        {
            BatchSize = 32,
            Epochs = 150,
            Optimizer = OptimizerSettings.Adam(0.01),
            Seed = 1,
        });
        TrainingResult result = trainer.Fit(new SampleSet(x, y, count));
        Assert.True(result.History[^1].TrainLoss < 1e-3, $"final loss {result.History[^1].TrainLoss}");
        Assert.True(double.IsNaN(result.History[^1].TrainAccuracy));
    }
}
