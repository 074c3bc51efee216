using SimdMlp.Kernels;
using SimdMlp.Kernels.Tests.Golden;
using SimdMlp.Training;

namespace SimdMlp.Tests.Golden;

/// <summary>
/// Turns a golden case (read by the one golden reader, Kernels.Tests/Golden, linked into this project) into what the
/// MLP takes: its definition, its parameters in the flat layout, and its optimizers' settings.
/// </summary>
public static class GoldenNetworks
{
    /// <summary>The case's network: its sizes, hidden activation and head.</summary>
    public static MlpDefinition Definition(this GoldenCase c)
    {
        ActivationFunction hidden = c.HiddenActivation switch
        {
            "relu" => ActivationKind.Relu,
            "sigmoid" => ActivationKind.Sigmoid,
            "tanh" => ActivationKind.Tanh,
            "leaky_relu" => new ActivationFunction(ActivationKind.LeakyRelu, 0.01f),
            "identity" => ActivationKind.Identity,
            "gelu" => ActivationKind.Gelu,
            _ => throw new InvalidDataException($"{c.Name}: unknown hidden_activation '{c.HiddenActivation}'."),
        };
        OutputHead head = c.Output switch
        {
            "softmax_ce" => OutputHead.SoftmaxCrossEntropy,
            "sigmoid_bce" => OutputHead.SigmoidBinaryCrossEntropy,
            "linear_mse" => OutputHead.LinearSquaredError,
            _ => throw new InvalidDataException($"{c.Name}: unknown output '{c.Output}'."),
        };
        return new MlpDefinition(c.Sizes, Enumerable.Repeat(hidden, c.Sizes.Length - 2).ToArray(), head);
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

    /// <summary>The model at the case's starting weights.</summary>
    public static MultiLayerPerceptron Model(this GoldenCase c)
    {
        MlpDefinition definition = c.Definition();
        return new MultiLayerPerceptron(definition, Flatten(definition, c.Weights, c.Biases));
    }

    /// <summary>The trainer's settings for optimizer <paramref name="key"/> of the case, with PyTorch's defaults where a field is absent.</summary>
    public static OptimizerSettings Optimizer(this GoldenCase c, string key)
    {
        GoldenHyperParameters h = c.Optimizers[key];
        return key switch
        {
            "sgd" => OptimizerSettings.Sgd(h.Lr, h.WeightDecay ?? 0),
            "sgd_momentum" => OptimizerSettings.Momentum(h.Lr, Required(c, key, h.Momentum, "momentum"), h.WeightDecay ?? 0),
            "sgd_nesterov" => OptimizerSettings.Nesterov(h.Lr, Required(c, key, h.Momentum, "momentum"), h.WeightDecay ?? 0),
            "adam" => OptimizerSettings.Adam(h.Lr, h.Beta1 ?? 0.9, h.Beta2 ?? 0.999, h.Eps ?? 1e-8, h.WeightDecay ?? 0),
            "adamw" => OptimizerSettings.AdamW(h.Lr, h.Beta1 ?? 0.9, h.Beta2 ?? 0.999, h.Eps ?? 1e-8, h.WeightDecay ?? 0.01),
            _ => throw new InvalidDataException($"{c.Name}: unknown optimizer '{key}'."),
        };
    }

    private static double Required(GoldenCase c, string key, double? value, string field) =>
        value ?? throw new InvalidDataException($"{c.Path}: optimizers.{key}.{field} is missing.");
}
