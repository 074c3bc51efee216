using SimdMlp.Kernels;

namespace SimdMlp.Training;

/// <summary>
/// The forward, loss and backward passes of one training step over a batch, into preallocated buffers:
/// a gradient slab with the parameters' layout and an <see cref="ActivationSlab"/>. Allocation-free.
/// </summary>
/// <remarks>
/// Shapes (row-major, m = batch, layer l maps n_in to n_out, L layers):
/// forward Z_l = A_{l−1}·W_l + b_l, A_l = g_l(Z_l) (fused in one kernel call);
/// loss: the head's fused kernel gives L and dZ_L = (Ŷ − Y)/m;
/// backward, l = L−1 … 0: dZ_l = dA_l ⊙ g′(Z_l) with db_l = column sums of dZ_l (one fused pass),
/// dW_l = A_{l−1}ᵀ·dZ_l, dA_{l−1} = dZ_l·W_lᵀ (skipped for l = 0 unless the input gradient is asked for).
/// Gradients are overwritten, not accumulated, so no zeroing pass is needed.
/// </remarks>
internal sealed class Backpropagation
{
    private readonly ForwardPlan _plan;
    private readonly AlignedFloats _gradients;
    private readonly BackwardProducts _products = new();
    private ReadOnlyMemory<float> _inputGradient;

    public Backpropagation(ForwardPlan plan, int maxBatch)
    {
        _plan = plan;
        _gradients = new AlignedFloats(plan.Definition.ParameterCount);
        Activations = new ActivationSlab(plan, maxBatch);
    }

    public ActivationSlab Activations { get; }

    public int MaxBatch => Activations.MaxBatch;

    /// <summary>dL/dθ from the last <see cref="Backward"/>, in the parameter layout.</summary>
    public Span<float> Gradients => _gradients.Span;

    /// <summary>dL/dX, [batch, n_0], from the last <see cref="Backward"/> asked for it; empty otherwise.</summary>
    public ReadOnlySpan<float> InputGradient => _inputGradient.Span;

    /// <summary>Z_L, [batch, n_L], from the last <see cref="Forward"/>.</summary>
    public Span<float> Logits(int batch) => Activations.LayerOutput(_plan.Layers.Length - 1, batch);

    /// <summary>Ŷ, [batch, n_L], after <see cref="Loss(int, ReadOnlySpan{int})"/> or a targets overload.</summary>
    public ReadOnlySpan<float> Predictions(int batch) =>
        _plan.Head == OutputHead.LinearSquaredError ? Logits(batch) : Activations.Probabilities(batch);

    /// <summary>Runs the forward pass, keeping what backward needs. Arguments are trusted (checked by callers).</summary>
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch, int maxDegreeOfParallelism)
    {
        LayerPlan[] layers = _plan.Layers;
        ReadOnlySpan<float> a = inputs[..(batch * _plan.InputSize)];
        for (int l = 0; l < layers.Length; l++)
        {
            LayerPlan layer = layers[l];
            Span<float> output = Activations.LayerOutput(l, batch);
            // The last layer yields logits: the head's loss kernel applies softmax or sigmoid itself.
            ActivationFunction g = l == layers.Length - 1 ? ActivationKind.Identity : layer.Activation;
            Gemm.SgemmBiasActivation(Transpose.No, Transpose.No, batch, layer.Outputs, layer.Inputs,
                a, layer.Inputs, parameters.Slice(layer.WeightOffset, layer.Inputs * layer.Outputs), layer.Outputs,
                parameters.Slice(layer.BiasOffset, layer.Outputs), g, output, layer.Outputs,
                Activations.PreActivation(l, batch), maxDegreeOfParallelism);
            a = output;
        }
    }

    /// <summary>The head's loss for class labels (one-hot rows for sigmoid), writing Ŷ and dZ_L.</summary>
    public float Loss(int batch, ReadOnlySpan<int> labels)
    {
        Span<float> logits = Logits(batch);
        Span<float> dLogits = Activations.Gradient(0, logits.Length);
        if (_plan.Head == OutputHead.SoftmaxCrossEntropy)
        {
            return Losses.SoftmaxCrossEntropy(logits, labels[..batch], Activations.Probabilities(batch), dLogits);
        }

        Span<float> targets = Activations.Targets(batch);
        OneHot.Write(labels[..batch], _plan.OutputSize, targets);
        return Loss(batch, targets);
    }

    /// <summary>The head's loss for target rows [batch, n_L], writing Ŷ and dZ_L.</summary>
    public float Loss(int batch, ReadOnlySpan<float> targets)
    {
        Span<float> logits = Logits(batch);
        Span<float> dLogits = Activations.Gradient(0, logits.Length);
        targets = targets[..logits.Length];
        return _plan.Head switch
        {
            OutputHead.SoftmaxCrossEntropy =>
                Losses.SoftmaxCrossEntropy(logits, targets, batch, Activations.Probabilities(batch), dLogits),
            OutputHead.SigmoidBinaryCrossEntropy =>
                Losses.SigmoidBinaryCrossEntropy(logits, targets, batch, Activations.Probabilities(batch), dLogits),
            _ => Losses.HalfSquaredError(logits, targets, batch, dLogits),
        };
    }

    /// <summary>
    /// The backward pass, after <see cref="Forward"/> and a loss on the same batch: fills <see cref="Gradients"/>
    /// and, when <paramref name="inputGradient"/> is true, <see cref="InputGradient"/>.
    /// </summary>
    public void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch, bool inputGradient,
        int maxDegreeOfParallelism)
    {
        LayerPlan[] layers = _plan.Layers;
        int current = 0; // The gradient buffer holding dA_l (or, for the last layer, dZ_L from the loss).
        _inputGradient = default;
        for (int l = layers.Length - 1; l >= 0; l--)
        {
            LayerPlan layer = layers[l];
            Span<float> dZ = Activations.Gradient(current, batch * layer.Outputs);
            Span<float> dBias = _gradients.Span.Slice(layer.BiasOffset, layer.Outputs);
            if (l == layers.Length - 1)
            {
                // dZ_L came from the loss: only its column sums are needed (identity derivative, in place).
                Activation.BackwardWithBiasGradient(ActivationKind.Identity, dZ, dZ, dZ, dBias);
            }
            else
            {
                ReadOnlySpan<float> saved = layer.SavesInput
                    ? Activations.PreActivation(l, batch)
                    : Activations.LayerOutput(l, batch);
                Activation.BackwardWithBiasGradient(layer.Activation, dZ, saved, dZ, dBias);
            }

            // dW_l = A_{l−1}ᵀ·dZ_l, and dA_{l−1} = dZ_l·W_lᵀ unless l = 0 and the input gradient is not asked for.
            bool wantsPrevious = l > 0 || inputGradient;
            int next = 1 - current;
            _products.Run(l == 0 ? inputs[..(batch * layer.Inputs)] : Activations.LayerOutput(l - 1, batch), dZ,
                parameters.Slice(layer.WeightOffset, layer.Inputs * layer.Outputs),
                _gradients.Span.Slice(layer.WeightOffset, layer.Inputs * layer.Outputs),
                wantsPrevious ? Activations.Gradient(next, batch * layer.Inputs) : default,
                batch, layer.Inputs, layer.Outputs, maxDegreeOfParallelism);
            if (!wantsPrevious) break;
            current = next;
        }

        if (inputGradient)
        {
            _inputGradient = Activations.GradientMemory(current, batch * _plan.InputSize);
        }
    }
}
