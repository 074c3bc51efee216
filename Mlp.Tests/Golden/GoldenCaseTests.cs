using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Golden;

/// <summary>Every golden case: forward output, loss, gradients and two optimizer steps against PyTorch (float64).</summary>
public sealed class GoldenCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in GoldenDirectory.CaseFiles()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_golden_folder_has_cases()
    {
        string[] files = GoldenDirectory.CaseFiles();
        Assert.True(files.Length > 0,
            $"No golden *.json cases in '{GoldenDirectory.Path}'. Set SIMDMLP_GOLDEN_DIR to the folder holding them.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_output_matches(string file)
    {
        GoldenCase c = Load(file);
        MultiLayerPerceptron model = Model(c);
        var output = new float[c.ExpectedOutput.Length];
        model.Predict(Floats(c.X), output);
        Tolerance.AssertClose($"{c.Name} output", c.ExpectedOutput, output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_gradients_match(string file)
    {
        GoldenCase c = Load(file);
        MultiLayerPerceptron model = Model(c);
        var engine = new Backpropagation(model.Plan, c.Batch);
        float[] x = Floats(c.X);
        engine.Forward(model.Parameters, x, c.Batch, 1);
        float loss = engine.Loss(c.Batch, Floats(c.Y));
        engine.Backward(model.Parameters, x, c.Batch, true, 1);

        Tolerance.AssertClose($"{c.Name} loss", [c.ExpectedLoss], [loss]);
        Tolerance.AssertClose($"{c.Name} predictions", c.ExpectedOutput, engine.Predictions(c.Batch).ToArray());
        AssertParameters(c.Name + " grad", model.Definition, c.ExpectedGradWeights, c.ExpectedGradBiases, engine.Gradients);
        Tolerance.AssertClose($"{c.Name} grad_x", c.ExpectedGradX, engine.InputGradient);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trainer_gradients_from_labels_match(string file)
    {
        GoldenCase c = Load(file);
        if (c.Output != "softmax_ce") return; // Labels only describe one-hot targets.
        MultiLayerPerceptron model = Model(c);
        int classes = c.Sizes[^1];
        int[] labels = Enumerable.Range(0, c.Batch).Select(i => Array.IndexOf(c.Y, 1.0, i * classes, classes) - i * classes).ToArray();
        var trainer = new Trainer(model, new TrainerOptions { BatchSize = c.Batch });
        float loss = trainer.ComputeGradients(Floats(c.X), labels);
        Tolerance.AssertClose($"{c.Name} loss", [c.ExpectedLoss], [loss]);
        AssertParameters(c.Name + " grad", model.Definition, c.ExpectedGradWeights, c.ExpectedGradBiases, trainer.Gradients);
    }

    [Theory]
    [MemberData(nameof(OptimizerCases))]
    public void Two_optimizer_steps_with_the_same_gradient_match(string file, string optimizer)
    {
        GoldenCase c = Load(file);
        MultiLayerPerceptron model = Model(c);
        Dictionary<string, double> h = c.Optimizers[optimizer];
        OptimizerSettings settings = optimizer switch
        {
            "sgd" => OptimizerSettings.Sgd(h["lr"], h.GetValueOrDefault("weight_decay")),
            "sgd_momentum" => OptimizerSettings.Momentum(h["lr"], h["momentum"], h.GetValueOrDefault("weight_decay")),
            "sgd_nesterov" => OptimizerSettings.Nesterov(h["lr"], h["momentum"], h.GetValueOrDefault("weight_decay")),
            "adam" => OptimizerSettings.Adam(h["lr"], h["beta1"], h["beta2"], h["eps"], h.GetValueOrDefault("weight_decay")),
            "adamw" => OptimizerSettings.AdamW(h["lr"], h["beta1"], h["beta2"], h["eps"], h.GetValueOrDefault("weight_decay", 0.01)),
            _ => throw new InvalidDataException($"{c.Name}: unknown optimizer '{optimizer}'."),
        };
        var trainer = new Trainer(model, new TrainerOptions { BatchSize = c.Batch, Optimizer = settings });
        trainer.ComputeGradients(Floats(c.X), Floats(c.Y), c.Batch);
        trainer.ApplyGradients();
        trainer.ApplyGradients(); // "same grad": the second step reuses the first step's gradient.

        (double[][] weights, double[][] biases) = c.AfterTwoSteps[optimizer];
        AssertParameters($"{c.Name} {optimizer}", model.Definition, weights, biases, model.Parameters);
    }

    public static TheoryData<string, string> OptimizerCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in GoldenDirectory.CaseFiles())
        {
            foreach (string optimizer in GoldenCase.Load(file).AfterTwoSteps.Keys.Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(file), optimizer);
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

    private static GoldenCase Load(string file) => GoldenCase.Load(Path.Combine(GoldenDirectory.Path, file));

    private static MultiLayerPerceptron Model(GoldenCase c)
    {
        MlpDefinition definition = c.Definition();
        return new MultiLayerPerceptron(definition, GoldenCase.Flatten(definition, c.Weights, c.Biases));
    }

    private static float[] Floats(double[] values) => values.Select(v => (float)v).ToArray();
}
