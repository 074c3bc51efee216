using SimdMlp.Kernels;
using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Training;

/// <summary>A warmed-up training step and prediction allocate nothing.</summary>
public sealed class AllocationTests
{
    public static TheoryData<OptimizerKind, OutputHead> StepCases()
    {
        var data = new TheoryData<OptimizerKind, OutputHead>();
        foreach (OptimizerKind kind in Enum.GetValues<OptimizerKind>()) data.Add(kind, OutputHead.SoftmaxCrossEntropy);
        data.Add(OptimizerKind.Adam, OutputHead.SigmoidBinaryCrossEntropy);
        data.Add(OptimizerKind.Sgd, OutputHead.LinearSquaredError);
        return data;
    }

    [Theory]
    [MemberData(nameof(StepCases))]
    public void A_training_step_allocates_nothing(OptimizerKind kind, OutputHead head)
    {
        var definition = new MlpDefinition([20, 32, 16, 5], [ActivationKind.Relu, ActivationKind.Gelu], head);
        OptimizerSettings optimizer = kind switch
        {
            OptimizerKind.Sgd => OptimizerSettings.Sgd(0.01, 1e-4),
            OptimizerKind.Momentum => OptimizerSettings.Momentum(0.01),
            OptimizerKind.Nesterov => OptimizerSettings.Nesterov(0.01),
            OptimizerKind.Adam => OptimizerSettings.Adam(),
            _ => OptimizerSettings.AdamW(),
        };
        var trainer = new Trainer(MultiLayerPerceptron.Create(definition, 1), new TrainerOptions { BatchSize = 16, Optimizer = optimizer });
        float[] x = Networks.Uniform(16 * 20, 2);
        int[] labels = Networks.Labels(16, 5, 3);
        float[] y = Networks.Uniform(16 * 5, 4);
        for (int i = 0; i < y.Length; i++) y[i] = head == OutputHead.LinearSquaredError ? y[i] : y[i] > 0 ? 1 : 0;

        // A smaller batch uses prefixes of the same buffers.
        Assert.Equal(0, Allocations.Least(() =>
        {
            Step(trainer, head, x, labels, y, 16);
            Step(trainer, head, x, labels, y, 7);
        }));
    }

    [Fact]
    public void Predict_allocates_nothing_after_warm_up()
    {
        MultiLayerPerceptron model = MultiLayerPerceptron.Create(Networks.Mnist(), 1);
        float[] x = Networks.Uniform(100 * 784, 2);
        var output = new float[100 * 10];
        var workspace = new InferenceWorkspace(model.Definition, 8);
        Assert.Equal(0, Allocations.Least(() =>
        {
            model.Predict(x.AsSpan(0, 784), output);
            model.Predict(x, output);
            model.Predict(x.AsSpan(0, 3 * 784), output, workspace);
            model.Predict(x, output, workspace);
            model.PredictClass(x.AsSpan(784, 784));
        }, warmUp: 5));
    }

    private static void Step(Trainer trainer, OutputHead head, float[] x, int[] labels, float[] y, int batch)
    {
        if (head == OutputHead.SoftmaxCrossEntropy) trainer.Step(x.AsSpan(0, batch * 20), labels.AsSpan(0, batch));
        else trainer.Step(x.AsSpan(0, batch * 20), y.AsSpan(0, batch * 5), batch);
    }
}
