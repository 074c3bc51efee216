using SimdMlp.Kernels;

namespace SimdMlp;

/// <summary>One layer's sizes, parameter offsets and activation, precomputed so hot loops do no lookups.</summary>
internal readonly record struct LayerPlan(int Inputs, int Outputs, int WeightOffset, int BiasOffset, ActivationFunction Activation)
{
    /// <summary>True when backward needs Z (GELU) rather than A.</summary>
    public bool SavesInput => Activation.Saved == SavedForBackward.Input;
}

/// <summary>The per-layer plan of a <see cref="MlpDefinition"/>, shared by inference, training and gradient checks.</summary>
internal sealed class ForwardPlan
{
    public ForwardPlan(MlpDefinition definition)
    {
        Definition = definition;
        var layers = new LayerPlan[definition.LayerCount];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = new LayerPlan(definition.LayerSizes[l], definition.LayerSizes[l + 1],
                definition.WeightOffset(l), definition.BiasOffset(l), definition.LayerActivation(l));
        }

        Layers = layers;
        int widest = 0;
        foreach (int size in definition.Sizes[1..]) widest = Math.Max(widest, size);
        WidestOutput = widest;
        int hidden = 0;
        foreach (int size in definition.Sizes[1..^1]) hidden = Math.Max(hidden, size);
        WidestHidden = hidden;
    }

    public MlpDefinition Definition { get; }

    public LayerPlan[] Layers { get; }

    /// <summary>The widest layer output (input excluded): the row width of ping-pong activation buffers.</summary>
    public int WidestOutput { get; }

    /// <summary>The widest hidden layer (0 without hidden layers): the row width of inference ping-pong buffers.</summary>
    public int WidestHidden { get; }

    public int InputSize => Definition.InputSize;

    public int OutputSize => Definition.OutputSize;

    public OutputHead Head => Definition.Head;
}
