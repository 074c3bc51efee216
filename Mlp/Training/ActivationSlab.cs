namespace SimdMlp.Training;

/// <summary>
/// One flat buffer holding every activation a training step needs at a declared maximum batch, with named views
/// (llm.c's ActivationTensors). Smaller batches use prefixes of each view.
/// </summary>
/// <remarks>
/// Views, with m = max batch and L = layer count:
/// <list type="bullet">
/// <item>A_l [m, n_{l+1}] for l &lt; L: layer outputs; A_{L−1} holds the logits Z_L (the head's loss kernel applies its activation).</item>
/// <item>Z_l [m, n_{l+1}] only for layers whose derivative needs Z (GELU); empty otherwise.</item>
/// <item>Output [m, n_L]: the head's Ŷ (softmax or sigmoid probabilities; for the linear head, unused: Ŷ = Z_L).</item>
/// <item>Targets [m, n_L]: scratch for one-hot targets built from class labels.</item>
/// <item>Two gradient buffers [m, max_l n_l], used ping-pong by the backward pass for dA and dZ.</item>
/// </list>
/// </remarks>
internal sealed class ActivationSlab
{
    // Every view starts on a cache line (16 floats), so the products' rows and packed panels line up with the
    // parameters' and gradients' (also 64-byte aligned) the same way whatever the batch.
    private const int ViewAlignment = 16;

    private readonly AlignedFloats _slab;
    private readonly int[] _outputOffsets;
    private readonly int[] _preActivationOffsets;
    private readonly int _probabilitiesOffset;
    private readonly int _targetsOffset;
    private readonly int _gradient0Offset;
    private readonly int _gradient1Offset;
    private readonly int _gradientLength;

    public ActivationSlab(ForwardPlan plan, int maxBatch)
    {
        Plan = plan;
        MaxBatch = maxBatch;
        LayerPlan[] layers = plan.Layers;
        _outputOffsets = new int[layers.Length];
        _preActivationOffsets = new int[layers.Length];
        long offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            _outputOffsets[l] = (int)offset;
            offset += Aligned((long)maxBatch * layers[l].Outputs);
            _preActivationOffsets[l] = (int)offset;
            if (layers[l].SavesInput && l < layers.Length - 1) offset += Aligned((long)maxBatch * layers[l].Outputs);
            Check(offset);
        }

        int widest = Math.Max(plan.WidestOutput, plan.InputSize);
        _probabilitiesOffset = (int)offset;
        offset += Aligned((long)maxBatch * plan.OutputSize);
        _targetsOffset = (int)Check(offset);
        offset += Aligned((long)maxBatch * plan.OutputSize);
        _gradientLength = (int)Check((long)maxBatch * widest);
        _gradient0Offset = (int)Check(offset);
        offset += Aligned(_gradientLength);
        _gradient1Offset = (int)Check(offset);
        offset += _gradientLength;
        _slab = new AlignedFloats((int)Check(offset));
    }

    public ForwardPlan Plan { get; }

    public int MaxBatch { get; }

    /// <summary>A_l, [batch, n_{l+1}]; for the last layer, the logits.</summary>
    public Span<float> LayerOutput(int layer, int batch) =>
        _slab.Span.Slice(_outputOffsets[layer], batch * Plan.Layers[layer].Outputs);

    /// <summary>Z_l, [batch, n_{l+1}], for GELU layers; empty for the others (and for the last layer).</summary>
    public Span<float> PreActivation(int layer, int batch) =>
        _preActivationOffsets[layer] == NextOffset(layer)
            ? default
            : _slab.Span.Slice(_preActivationOffsets[layer], batch * Plan.Layers[layer].Outputs);

    /// <summary>Ŷ, [batch, n_L].</summary>
    public Span<float> Probabilities(int batch) => _slab.Span.Slice(_probabilitiesOffset, batch * Plan.OutputSize);

    /// <summary>One-hot target scratch, [batch, n_L].</summary>
    public Span<float> Targets(int batch) => _slab.Span.Slice(_targetsOffset, batch * Plan.OutputSize);

    /// <summary>Gradient buffer 0 or 1, the first <paramref name="length"/> floats.</summary>
    public Span<float> Gradient(int which, int length) =>
        _slab.Span.Slice(which == 0 ? _gradient0Offset : _gradient1Offset, length);

    /// <summary>Gradient buffer 0 or 1 as memory, for views that outlive a call (the input gradient).</summary>
    public ReadOnlyMemory<float> GradientMemory(int which, int length) =>
        _slab.Memory.Slice(which == 0 ? _gradient0Offset : _gradient1Offset, length);

    private int NextOffset(int layer) => layer + 1 < _outputOffsets.Length ? _outputOffsets[layer + 1] : _probabilitiesOffset;

    private static long Aligned(long floats) => (floats + ViewAlignment - 1) / ViewAlignment * ViewAlignment;

    private static long Check(long offset) => offset <= Array.MaxLength
        ? offset
        : throw new ArgumentOutOfRangeException("maxBatch", $"The activations at this batch size need {offset} floats, more than one array holds.");
}
