using System.Text.Json.Serialization;

namespace SimdMlp.Kernels.Tests.Golden;

/// <summary>
/// One golden backpropagation case: a small network, its input and target, and what PyTorch (float64 autograd)
/// computed for it. Field for field the JSON format of <c>shared/golden/README.md</c>; every array is flat and
/// row-major, every matrix is batch-major.
/// </summary>
/// <remarks>
/// Layer l (0-based) maps <c>Sizes[l]</c> inputs to <c>Sizes[l + 1]</c> outputs: Z_l = A_{l−1}·W_l + b_l, with
/// W_l = <c>Weights[l]</c> of shape [Sizes[l], Sizes[l+1]]. <see cref="Validate"/> checks every shape.
/// </remarks>
public sealed record GoldenCase
{
    /// <summary>The case name (also the file name without <c>.json</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Layer widths, input first.</summary>
    public required int[] Sizes { get; init; }

    /// <summary><c>relu</c>, <c>sigmoid</c>, <c>tanh</c>, <c>leaky_relu</c> (slope 0.01) or <c>identity</c>.</summary>
    public required string HiddenActivation { get; init; }

    /// <summary>The head: <c>linear_mse</c>, <c>softmax_ce</c> or <c>sigmoid_bce</c>.</summary>
    public required string Output { get; init; }

    /// <summary>m, the number of rows of <see cref="X"/> and <see cref="Y"/>.</summary>
    public required int Batch { get; init; }

    /// <summary>W_l, each [Sizes[l], Sizes[l+1]] row-major.</summary>
    public required double[][] Weights { get; init; }

    /// <summary>b_l, each of length Sizes[l+1].</summary>
    public required double[][] Biases { get; init; }

    /// <summary>The input, [Batch, Sizes[0]].</summary>
    public required double[] X { get; init; }

    /// <summary>The target, [Batch, Sizes[^1]]: one-hot rows, 0/1 or reals depending on the head.</summary>
    public required double[] Y { get; init; }

    /// <summary>What PyTorch computed.</summary>
    public required GoldenExpected Expected { get; init; }

    /// <summary>
    /// Hyper-parameters per optimizer key of <see cref="GoldenExpected.AfterTwoStepsSameGrad"/>
    /// (<c>sgd</c>, <c>sgd_momentum</c>, <c>adam</c>, <c>adamw</c>).
    /// </summary>
    public required Dictionary<string, GoldenHyperParameters> Optimizers { get; init; }

    /// <summary>The file the case was read from.</summary>
    [JsonIgnore]
    public string Path { get; init; } = "";

    /// <summary>Number of layers (weight matrices).</summary>
    public int Layers => Sizes.Length - 1;

    /// <summary>Width of the input, Sizes[0].</summary>
    public int Inputs => Sizes[0];

    /// <summary>Width of the head, Sizes[^1].</summary>
    public int Outputs => Sizes[^1];

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Throws <see cref="InvalidDataException"/> naming the file and field when a shape is inconsistent.</summary>
    public void Validate()
    {
        Check(Sizes.Length >= 2 && Sizes.All(s => s > 0), "sizes", "needs two or more positive widths");
        Check(Batch > 0, "batch", "must be positive");
        Check(X.Length == Batch * Inputs, "x", $"has {X.Length} elements, not batch·sizes[0] = {Batch * Inputs}");
        Check(Y.Length == Batch * Outputs, "y", $"has {Y.Length} elements, not batch·sizes[^1] = {Batch * Outputs}");
        CheckLayers(Weights, Biases, "");
        Check(Expected.Output.Length == Batch * Outputs, "expected.output", "is not [batch, sizes[^1]]");
        Check(Expected.GradX.Length == X.Length, "expected.grad_x", "is not the shape of x");
        CheckLayers(Expected.GradWeights, Expected.GradBiases, "expected.grad_");
        Check(Expected.AfterTwoStepsSameGrad.Count > 0, "expected.after_two_steps_same_grad", "is empty");
        foreach (var (key, parameters) in Expected.AfterTwoStepsSameGrad)
        {
            Check(Optimizers.ContainsKey(key), "optimizers", $"has no hyper-parameters for '{key}'");
            CheckLayers(parameters.Weights, parameters.Biases, $"expected.after_two_steps_same_grad.{key}.");
        }
    }

    private void CheckLayers(double[][] weights, double[][] biases, string prefix)
    {
        Check(weights.Length == Layers, prefix + "weights", $"has {weights.Length} layers, not {Layers}");
        Check(biases.Length == Layers, prefix + "biases", $"has {biases.Length} layers, not {Layers}");
        for (int l = 0; l < Layers; l++)
        {
            Check(weights[l].Length == Sizes[l] * Sizes[l + 1], $"{prefix}weights[{l}]",
                $"has {weights[l].Length} elements, not {Sizes[l]}·{Sizes[l + 1]}");
            Check(biases[l].Length == Sizes[l + 1], $"{prefix}biases[{l}]",
                $"has {biases[l].Length} elements, not {Sizes[l + 1]}");
        }
    }

    private void Check(bool condition, string field, string problem)
    {
        if (!condition) throw new InvalidDataException($"{Path}: {field} {problem}.");
    }
}

/// <summary>The <c>expected</c> object of a <see cref="GoldenCase"/>.</summary>
public sealed record GoldenExpected
{
    /// <summary>The head's output Ŷ (Z_L, softmax or sigmoid probabilities), [batch, sizes[^1]].</summary>
    public required double[] Output { get; init; }

    /// <summary>The loss, averaged over the batch.</summary>
    public required double Loss { get; init; }

    /// <summary>dL/dW_l per layer, shaped like the weights.</summary>
    public required double[][] GradWeights { get; init; }

    /// <summary>dL/db_l per layer, shaped like the biases.</summary>
    public required double[][] GradBiases { get; init; }

    /// <summary>dL/dX, shaped like x.</summary>
    public required double[] GradX { get; init; }

    /// <summary>Weights and biases after two optimizer steps from the case's start, both with the gradient above.</summary>
    public required Dictionary<string, GoldenParameters> AfterTwoStepsSameGrad { get; init; }
}

/// <summary>A network's weights and biases.</summary>
public sealed record GoldenParameters
{
    /// <summary>W_l per layer.</summary>
    public required double[][] Weights { get; init; }

    /// <summary>b_l per layer.</summary>
    public required double[][] Biases { get; init; }
}

/// <summary>
/// One optimizer's PyTorch hyper-parameters. Absent fields mean PyTorch's default for that optimizer
/// (for example momentum 0 and weight decay 0 for SGD, weight decay 0.01 for AdamW).
/// </summary>
public sealed record GoldenHyperParameters
{
    /// <summary>lr.</summary>
    public required double Lr { get; init; }

    /// <summary>SGD's μ.</summary>
    public double? Momentum { get; init; }

    /// <summary>SGD's dampening.</summary>
    public double? Dampening { get; init; }

    /// <summary>SGD's Nesterov switch.</summary>
    public bool? Nesterov { get; init; }

    /// <summary>Adam's β₁.</summary>
    public double? Beta1 { get; init; }

    /// <summary>Adam's β₂.</summary>
    public double? Beta2 { get; init; }

    /// <summary>Adam's ε.</summary>
    public double? Eps { get; init; }

    /// <summary>Weight decay: L2 for SGD and Adam, decoupled for AdamW.</summary>
    public double? WeightDecay { get; init; }
}
