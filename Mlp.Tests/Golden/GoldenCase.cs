using System.Text.Json;
using SimdMlp.Kernels;

namespace SimdMlp.Tests.Golden;

/// <summary>One golden backpropagation case (see shared/golden/README.md): a network, a batch, and PyTorch's results.</summary>
public sealed class GoldenCase
{
    public required string Name { get; init; }

    public required int[] Sizes { get; init; }

    public required string HiddenActivation { get; init; }

    public required string Output { get; init; }

    public required int Batch { get; init; }

    public required double[][] Weights { get; init; }

    public required double[][] Biases { get; init; }

    public required double[] X { get; init; }

    public required double[] Y { get; init; }

    public required double[] ExpectedOutput { get; init; }

    public required double ExpectedLoss { get; init; }

    public required double[][] ExpectedGradWeights { get; init; }

    public required double[][] ExpectedGradBiases { get; init; }

    public required double[] ExpectedGradX { get; init; }

    /// <summary>Optimizer name → (weights per layer, biases per layer) after two steps with the same gradient.</summary>
    public required Dictionary<string, (double[][] Weights, double[][] Biases)> AfterTwoSteps { get; init; }

    /// <summary>Optimizer name → hyper-parameter name → value.</summary>
    public required Dictionary<string, Dictionary<string, double>> Optimizers { get; init; }

    public static GoldenCase Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        JsonElement expected = root.GetProperty("expected");
        var after = new Dictionary<string, (double[][], double[][])>();
        foreach (JsonProperty optimizer in expected.GetProperty("after_two_steps_same_grad").EnumerateObject())
        {
            after[optimizer.Name] = (Matrices(optimizer.Value.GetProperty("weights")), Matrices(optimizer.Value.GetProperty("biases")));
        }

        var optimizers = new Dictionary<string, Dictionary<string, double>>();
        foreach (JsonProperty optimizer in root.GetProperty("optimizers").EnumerateObject())
        {
            var values = new Dictionary<string, double>();
            foreach (JsonProperty value in optimizer.Value.EnumerateObject()) values[value.Name] = value.Value.GetDouble();
            optimizers[optimizer.Name] = values;
        }

        return new GoldenCase
        {
            Name = root.TryGetProperty("name", out JsonElement name) ? name.GetString()! : Path.GetFileNameWithoutExtension(path),
            Sizes = root.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            HiddenActivation = root.GetProperty("hidden_activation").GetString()!,
            Output = root.GetProperty("output").GetString()!,
            Batch = root.GetProperty("batch").GetInt32(),
            Weights = Matrices(root.GetProperty("weights")),
            Biases = Matrices(root.GetProperty("biases")),
            X = Vector(root.GetProperty("x")),
            Y = Vector(root.GetProperty("y")),
            ExpectedOutput = Vector(expected.GetProperty("output")),
            ExpectedLoss = expected.GetProperty("loss").GetDouble(),
            ExpectedGradWeights = Matrices(expected.GetProperty("grad_weights")),
            ExpectedGradBiases = Matrices(expected.GetProperty("grad_biases")),
            ExpectedGradX = Vector(expected.GetProperty("grad_x")),
            AfterTwoSteps = after,
            Optimizers = optimizers,
        };
    }

    public MlpDefinition Definition()
    {
        ActivationFunction hidden = HiddenActivation switch
        {
            "relu" => ActivationKind.Relu,
            "sigmoid" => ActivationKind.Sigmoid,
            "tanh" => ActivationKind.Tanh,
            "leaky_relu" => new ActivationFunction(ActivationKind.LeakyRelu, 0.01f),
            "identity" => ActivationKind.Identity,
            "gelu" => ActivationKind.Gelu,
            _ => throw new InvalidDataException($"{Name}: unknown hidden_activation '{HiddenActivation}'."),
        };
        OutputHead head = Output switch
        {
            "softmax_ce" => OutputHead.SoftmaxCrossEntropy,
            "sigmoid_bce" => OutputHead.SigmoidBinaryCrossEntropy,
            "linear_mse" => OutputHead.LinearSquaredError,
            _ => throw new InvalidDataException($"{Name}: unknown output '{Output}'."),
        };
        return new MlpDefinition(Sizes, Enumerable.Repeat(hidden, Sizes.Length - 2).ToArray(), head);
    }

    /// <summary>Per-layer weights and biases flattened into the model's parameter layout.</summary>
    public static float[] Flatten(MlpDefinition definition, double[][] weights, double[][] biases)
    {
        var parameters = new float[definition.ParameterCount];
        for (int l = 0; l < definition.LayerCount; l++)
        {
            for (int i = 0; i < weights[l].Length; i++) parameters[definition.WeightOffset(l) + i] = (float)weights[l][i];
            for (int i = 0; i < biases[l].Length; i++) parameters[definition.BiasOffset(l) + i] = (float)biases[l][i];
        }

        return parameters;
    }

    public override string ToString() => Name;

    private static double[] Vector(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static double[][] Matrices(JsonElement element) => element.EnumerateArray().Select(Vector).ToArray();
}
