using SimdMlp.Kernels;

namespace SimdMlp;

/// <summary>
/// The immutable shape of a <see cref="MultiLayerPerceptron"/>: layer widths, hidden activations and output head,
/// and the layout of its flat parameter buffer.
/// </summary>
/// <remarks>
/// <para>Layer l (0-based, <c>0 ≤ l &lt; LayerCount</c>) maps <c>LayerSizes[l]</c> inputs to <c>LayerSizes[l + 1]</c> outputs:
/// Z_l = A_{l−1}·W_l + b_l, with W_l of shape [n_in, n_out] (row-major) and A_{−1} = X.</para>
/// <para>Parameter layout, for each layer l in order: W_l (n_in · n_out floats, row-major, so W_l[i, j] is at
/// <c>WeightOffset(l) + i · n_out + j</c>), then b_l (n_out floats at <c>BiasOffset(l)</c>). Gradients use the same layout.</para>
/// </remarks>
public sealed class MlpDefinition
{
    private readonly int[] _layerSizes;
    private readonly ActivationFunction[] _hiddenActivations;
    private readonly int[] _weightOffsets;
    private readonly int[] _biasOffsets;

    /// <summary>Defines a network and validates it.</summary>
    /// <param name="layerSizes">Layer widths, input first, output last: at least 2 entries, each ≥ 1.</param>
    /// <param name="hiddenActivations">One activation per hidden layer: <c>layerSizes.Count − 2</c> entries.</param>
    /// <param name="head">The output layer's activation and loss.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The sizes or activation counts are invalid, or the parameter count overflows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="head"/> is undefined.</exception>
    public MlpDefinition(IReadOnlyList<int> layerSizes, IReadOnlyList<ActivationFunction> hiddenActivations, OutputHead head)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(hiddenActivations);
        if (!Enum.IsDefined(head)) throw new ArgumentOutOfRangeException(nameof(head), head, $"{head} is not an OutputHead.");
        if (layerSizes.Count < 2)
        {
            throw new ArgumentException(
                $"layerSizes needs at least 2 entries (input and output width), but has {layerSizes.Count}.", nameof(layerSizes));
        }

        if (hiddenActivations.Count != layerSizes.Count - 2)
        {
            throw new ArgumentException(
                $"hiddenActivations needs one entry per hidden layer: {layerSizes.Count - 2} for {layerSizes.Count} layer sizes, but has {hiddenActivations.Count}.",
                nameof(hiddenActivations));
        }

        _layerSizes = new int[layerSizes.Count];
        for (int i = 0; i < _layerSizes.Length; i++)
        {
            int size = layerSizes[i];
            if (size < 1) throw new ArgumentException($"layerSizes[{i}] must be ≥ 1, but is {size}.", nameof(layerSizes));
            _layerSizes[i] = size;
        }

        _hiddenActivations = new ActivationFunction[hiddenActivations.Count];
        for (int i = 0; i < _hiddenActivations.Length; i++)
        {
            ActivationFunction f = hiddenActivations[i];
            if (!Enum.IsDefined(f.Kind))
            {
                throw new ArgumentException($"hiddenActivations[{i}] has an undefined kind {f.Kind}.", nameof(hiddenActivations));
            }

            _hiddenActivations[i] = f;
        }

        Head = head;
        int layers = _layerSizes.Length - 1;
        _weightOffsets = new int[layers];
        _biasOffsets = new int[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++)
        {
            _weightOffsets[l] = checked((int)offset);
            offset += (long)_layerSizes[l] * _layerSizes[l + 1];
            _biasOffsets[l] = offset <= Array.MaxLength ? (int)offset : throw TooManyParameters(offset);
            offset += _layerSizes[l + 1];
            if (offset > Array.MaxLength) throw TooManyParameters(offset);
        }

        ParameterCount = (int)offset;
        LayerSizes = Array.AsReadOnly(_layerSizes);
        HiddenActivations = Array.AsReadOnly(_hiddenActivations);
    }

    /// <summary>Layer widths, input first, output last (at least 2 entries, each ≥ 1).</summary>
    public IReadOnlyList<int> LayerSizes { get; }

    /// <summary>The activation of each hidden layer (<c>LayerSizes.Count − 2</c> entries).</summary>
    public IReadOnlyList<ActivationFunction> HiddenActivations { get; }

    /// <summary>The output layer's activation and loss.</summary>
    public OutputHead Head { get; }

    /// <summary>The number of weight layers: <c>LayerSizes.Count − 1</c>.</summary>
    public int LayerCount => _layerSizes.Length - 1;

    /// <summary>The input width, <c>LayerSizes[0]</c>.</summary>
    public int InputSize => _layerSizes[0];

    /// <summary>The output width, <c>LayerSizes[^1]</c>.</summary>
    public int OutputSize => _layerSizes[^1];

    /// <summary>The widest layer (input included): the row width of a workspace holding any layer's activations.</summary>
    public int MaxLayerSize => MaxOf(_layerSizes);

    /// <summary>The total number of weights and biases: the length of the flat parameter buffer.</summary>
    public int ParameterCount { get; }

    /// <summary>Where W_l ([n_in, n_out], row-major) starts in the flat parameter buffer.</summary>
    /// <param name="layer">The layer, 0 ≤ layer &lt; <see cref="LayerCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is out of range.</exception>
    public int WeightOffset(int layer) => _weightOffsets[CheckLayer(layer)];

    /// <summary>Where b_l (n_out floats) starts in the flat parameter buffer.</summary>
    /// <param name="layer">The layer, 0 ≤ layer &lt; <see cref="LayerCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is out of range.</exception>
    public int BiasOffset(int layer) => _biasOffsets[CheckLayer(layer)];

    /// <summary>The number of weights in W_l: n_in · n_out.</summary>
    /// <param name="layer">The layer, 0 ≤ layer &lt; <see cref="LayerCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is out of range.</exception>
    public int WeightCount(int layer) => _layerSizes[CheckLayer(layer)] * _layerSizes[layer + 1];

    /// <summary>The activation of layer l: a hidden activation, or the head's (identity for the linear head,
    /// sigmoid for BCE, identity for softmax, whose normalisation the head applies row-wise).</summary>
    /// <param name="layer">The layer, 0 ≤ layer &lt; <see cref="LayerCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is out of range.</exception>
    public ActivationFunction LayerActivation(int layer) => CheckLayer(layer) < _hiddenActivations.Length
        ? _hiddenActivations[layer]
        : Head == OutputHead.SigmoidBinaryCrossEntropy ? ActivationKind.Sigmoid : ActivationKind.Identity;

    /// <summary>A readable summary such as <c>784-256(Relu)-10(SoftmaxCrossEntropy)</c>.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        text.Append(_layerSizes[0]);
        for (int l = 1; l < _layerSizes.Length; l++)
        {
            text.Append('-').Append(_layerSizes[l]).Append('(');
            if (l - 1 < _hiddenActivations.Length)
            {
                ActivationFunction f = _hiddenActivations[l - 1];
                text.Append(f.Kind);
                if (f.Kind == ActivationKind.LeakyRelu) text.Append(' ').Append(f.LeakySlope.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(Head);
            }

            text.Append(')');
        }

        return text.ToString();
    }

    internal ReadOnlySpan<int> Sizes => _layerSizes;

    internal ReadOnlySpan<ActivationFunction> Hidden => _hiddenActivations;

    private int CheckLayer(int layer)
    {
        if ((uint)layer >= (uint)_weightOffsets.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must be in [0, {_weightOffsets.Length}).");
        }

        return layer;
    }

    private static int MaxOf(int[] values)
    {
        int max = 0;
        foreach (int v in values) max = Math.Max(max, v);
        return max;
    }

    private static ArgumentException TooManyParameters(long count) =>
        new($"The network has {count}+ parameters, more than one array can hold ({Array.MaxLength}).", "layerSizes");
}
