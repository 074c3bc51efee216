using SimdMlp.Kernels.Tests.Golden;
using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Golden;

/// <summary>Every golden case: forward output, loss, gradients and two optimizer steps against PyTorch (float64).</summary>
public sealed class GoldenCaseTests
{
    // GoldenCases throws, naming the folder, when it is missing or holds no case: these tests never pass vacuously.
    public static TheoryData<string> Cases() => GoldenCases.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_output_matches(string name)
    {
        GoldenCase c = GoldenCases.Get(name);
        MultiLayerPerceptron model = c.Model();
        var output = new float[c.Expected.Output.Length];
        model.Predict(Floats(c.X), output);
        Tolerance.AssertClose($"{c.Name} output", c.Expected.Output, output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_gradients_match(string name)
    {
        GoldenCase c = GoldenCases.Get(name);
        MultiLayerPerceptron model = c.Model();
        var engine = new Backpropagation(model.Plan, c.Batch);
        float[] x = Floats(c.X);
        engine.Forward(model.Parameters, x, c.Batch, 1);
        float loss = engine.Loss(c.Batch, Floats(c.Y));
        engine.Backward(model.Parameters, x, c.Batch, true, 1);

        Tolerance.AssertClose($"{c.Name} loss", [c.Expected.Loss], [loss]);
        Tolerance.AssertClose($"{c.Name} predictions", c.Expected.Output, engine.Predictions(c.Batch).ToArray());
        AssertParameters(c.Name + " grad", model.Definition, c.Expected.GradWeights, c.Expected.GradBiases, engine.Gradients);
        Tolerance.AssertClose($"{c.Name} grad_x", c.Expected.GradX, engine.InputGradient);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trainer_gradients_from_labels_match(string name)
    {
        GoldenCase c = GoldenCases.Get(name);
        if (c.Output != "softmax_ce") return; // Labels only describe one-hot targets.
        MultiLayerPerceptron model = c.Model();
        int classes = c.Sizes[^1];
        int[] labels = Enumerable.Range(0, c.Batch).Select(i => Array.IndexOf(c.Y, 1.0, i * classes, classes) - i * classes).ToArray();
        var trainer = new Trainer(model, new TrainerOptions { BatchSize = c.Batch });
        float loss = trainer.ComputeGradients(Floats(c.X), labels);
        Tolerance.AssertClose($"{c.Name} loss", [c.Expected.Loss], [loss]);
        AssertParameters(c.Name + " grad", model.Definition, c.Expected.GradWeights, c.Expected.GradBiases, trainer.Gradients);
    }

    [Theory]
    [MemberData(nameof(OptimizerCases))]
    public void Two_optimizer_steps_with_the_same_gradient_match(string name, string optimizer)
    {
        GoldenCase c = GoldenCases.Get(name);
        MultiLayerPerceptron model = c.Model();
        OptimizerSettings settings = c.Optimizer(optimizer);
        var trainer = new Trainer(model, new TrainerOptions { BatchSize = c.Batch, Optimizer = settings });
        trainer.ComputeGradients(Floats(c.X), Floats(c.Y), c.Batch);
        trainer.ApplyGradients();
        trainer.ApplyGradients(); // "same grad": the second step reuses the first step's gradient.

        GoldenParameters after = c.Expected.AfterTwoStepsSameGrad[optimizer];
        AssertParameters($"{c.Name} {optimizer}", model.Definition, after.Weights, after.Biases, model.Parameters);
    }

    public static TheoryData<string, string> OptimizerCases()
    {
        var data = new TheoryData<string, string>();
        foreach (GoldenCase c in GoldenCases.All)
        {
            foreach (string optimizer in c.Expected.AfterTwoStepsSameGrad.Keys.Order(StringComparer.Ordinal))
                data.Add(c.Name, optimizer);
        }

        return data;
    }

    private static void AssertParameters(string what, MlpDefinition definition, double[][] weights, double[][] biases,
        ReadOnlySpan<float> actual)
    {
        for (int l = 0; l < definition.LayerCount; l++)
        {
            Tolerance.AssertClose($"{what} W{l}", weights[l], actual.Slice(definition.WeightOffset(l), definition.WeightCount(l)));
            Tolerance.AssertClose($"{what} b{l}", biases[l], actual.Slice(definition.BiasOffset(l), definition.LayerSizes[l + 1]));
        }
    }

    private static float[] Floats(double[] values) => values.Select(v => (float)v).ToArray();
}
