namespace SimdMlp;

/// <summary>
/// Scratch memory for <see cref="MultiLayerPerceptron.Predict(ReadOnlySpan{float}, Span{float}, InferenceWorkspace)"/>:
/// two ping-pong buffers for hidden activations. Owned by one thread at a time; reusable across models.
/// </summary>
/// <remarks>
/// A prediction of more samples than <see cref="MaxBatch"/> runs in chunks of <see cref="MaxBatch"/>.
/// Create one per thread (or per request handler) and reuse it: predicting then allocates nothing.
/// </remarks>
public sealed class InferenceWorkspace
{
    private readonly float[] _buffer;

    /// <summary>A workspace for networks no wider than <paramref name="definition"/>, at up to <paramref name="maxBatch"/> samples per chunk.</summary>
    /// <param name="definition">The widest network it will serve (any network whose hidden layers fit also works).</param>
    /// <param name="maxBatch">Samples per chunk, ≥ 1. Larger chunks use the matrix kernels better; 1 suits single requests.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatch"/> is less than 1 or too large.</exception>
    public InferenceWorkspace(MlpDefinition definition, int maxBatch = 1)
        : this(WidestHiddenOf(definition), maxBatch)
    {
    }

    internal InferenceWorkspace(int hiddenWidth, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        long half = (long)Math.Max(hiddenWidth, 1) * maxBatch;
        if (2 * half > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatch), maxBatch,
                $"{maxBatch} samples of {hiddenWidth} hidden activations need more floats than one array holds.");
        }

        HiddenWidth = Math.Max(hiddenWidth, 1);
        MaxBatch = maxBatch;
        _buffer = new float[2 * half];
    }

    /// <summary>The most samples per chunk for the network it was created for.</summary>
    public int MaxBatch { get; }

    /// <summary>The widest hidden layer it was sized for.</summary>
    internal int HiddenWidth { get; }

    /// <summary>Floats per ping-pong half.</summary>
    internal int HalfLength => _buffer.Length / 2;

    /// <summary>Ping-pong half 0 or 1.</summary>
    internal Span<float> Half(int which) => _buffer.AsSpan(which * HalfLength, HalfLength);

    /// <summary>The widest hidden layer of a network (0 when it has none).</summary>
    internal static int WidestHiddenOf(MlpDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        int widest = 0;
        ReadOnlySpan<int> sizes = definition.Sizes;
        for (int l = 1; l < sizes.Length - 1; l++) widest = Math.Max(widest, sizes[l]);
        return widest;
    }
}
