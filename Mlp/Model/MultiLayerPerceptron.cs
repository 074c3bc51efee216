using SimdMlp.Kernels;

namespace SimdMlp;

/// <summary>
/// A trained or trainable multi-layer perceptron: a <see cref="MlpDefinition"/> plus one flat buffer of parameters
/// (layout in <see cref="MlpDefinition"/>), with allocation-free, thread-safe prediction.
/// </summary>
/// <remarks>
/// Prediction only reads the parameters, so any number of threads may predict at once. Training
/// (the trainer) writes them in place: do not predict on a model while it is being trained.
/// </remarks>
public sealed partial class MultiLayerPerceptron
{
    private readonly AlignedFloats _parameters;

    /// <summary>A network with the given parameters, copied into the model's own buffer.</summary>
    /// <param name="definition">The network's shape.</param>
    /// <param name="parameters">Exactly <see cref="MlpDefinition.ParameterCount"/> floats, in the layout of <see cref="MlpDefinition"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length.</exception>
    public MultiLayerPerceptron(MlpDefinition definition, ReadOnlySpan<float> parameters)
        : this(definition)
    {
        if (parameters.Length != definition.ParameterCount)
        {
            throw new ArgumentException(
                $"parameters has {parameters.Length} floats, but the network {definition} needs {definition.ParameterCount}.",
                nameof(parameters));
        }

        parameters.CopyTo(_parameters.Span);
    }

    private MultiLayerPerceptron(MlpDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        _parameters = new AlignedFloats(definition.ParameterCount);
        Plan = new ForwardPlan(definition);
    }

    /// <summary>The network's shape.</summary>
    public MlpDefinition Definition { get; }

    /// <summary>All weights and biases, in the layout of <see cref="MlpDefinition"/>.</summary>
    public ReadOnlySpan<float> Parameters => _parameters.Span;

    /// <summary>The flat parameters, writable: for the trainer and optimizers only.</summary>
    internal Span<float> MutableParameters => _parameters.Span;

    /// <summary>Per-layer sizes, offsets and activations, computed once.</summary>
    internal ForwardPlan Plan { get; }

    /// <summary>
    /// A new network with freshly initialised weights and zero biases: He-uniform, U(±√(6/n_in)), for layers followed by
    /// ReLU, leaky ReLU or GELU; Glorot-uniform, U(±√(6/(n_in + n_out))), otherwise (including the output layer).
    /// </summary>
    /// <param name="definition">The network's shape.</param>
    /// <param name="seed">Seeds the deterministic generator: equal seeds give bit-identical weights.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static MultiLayerPerceptron Create(MlpDefinition definition, int seed)
    {
        var model = new MultiLayerPerceptron(definition);
        var random = new SplitMix64(seed);
        for (int l = 0; l < definition.LayerCount; l++)
        {
            int nIn = definition.LayerSizes[l], nOut = definition.LayerSizes[l + 1];
            ActivationKind kind = definition.LayerActivation(l).Kind;
            bool reluFamily = kind is ActivationKind.Relu or ActivationKind.LeakyRelu or ActivationKind.Gelu;
            double limit = reluFamily ? Math.Sqrt(6.0 / nIn) : Math.Sqrt(6.0 / (nIn + nOut));
            Span<float> w = model._parameters.Span.Slice(definition.WeightOffset(l), nIn * nOut);
            for (int i = 0; i < w.Length; i++) w[i] = (float)((2.0 * random.NextDouble() - 1.0) * limit);
        }

        return model;
    }

    /// <summary>W_l, shape [n_in, n_out] row-major: W_l[i, j] is at index <c>i · n_out + j</c>.</summary>
    /// <param name="layer">The layer, 0 ≤ layer &lt; <see cref="MlpDefinition.LayerCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is out of range.</exception>
    public ReadOnlySpan<float> Weights(int layer) =>
        _parameters.Span.Slice(Definition.WeightOffset(layer), Definition.WeightCount(layer));

    /// <summary>b_l, n_out floats.</summary>
    /// <param name="layer">The layer, 0 ≤ layer &lt; <see cref="MlpDefinition.LayerCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is out of range.</exception>
    public ReadOnlySpan<float> Biases(int layer) =>
        _parameters.Span.Slice(Definition.BiasOffset(layer), Definition.LayerSizes[layer + 1]);

    /// <summary>Overwrites all parameters, for example to restore a snapshot.</summary>
    /// <param name="parameters">Exactly <see cref="MlpDefinition.ParameterCount"/> floats.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length.</exception>
    public void SetParameters(ReadOnlySpan<float> parameters)
    {
        if (parameters.Length != _parameters.Length)
        {
            throw new ArgumentException(
                $"parameters has {parameters.Length} floats, but the network {Definition} needs {_parameters.Length}.",
                nameof(parameters));
        }

        parameters.CopyTo(_parameters.Span);
    }
}
