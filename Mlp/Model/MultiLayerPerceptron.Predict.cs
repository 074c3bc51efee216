using SimdMlp.Kernels;

namespace SimdMlp;

public sealed partial class MultiLayerPerceptron
{
    /// <summary>Samples per chunk of the per-thread workspace used by the convenience overloads.</summary>
    private const int ThreadWorkspaceBatch = 64;

    [ThreadStatic]
    private static InferenceWorkspace? s_threadWorkspace;

    /// <summary>
    /// The head's output Ŷ (softmax probabilities, sigmoid probabilities or linear values) for one or more samples.
    /// Thread-safe; allocation-free after each thread's first call (it uses a per-thread workspace).
    /// </summary>
    /// <param name="inputs">[count, inputs] row-major; count ≥ 1 is <c>inputs.Length / InputSize</c>.</param>
    /// <param name="outputs">Receives [count, outputs] row-major; at least that long.</param>
    /// <exception cref="ArgumentException">inputs is not a whole, non-zero number of rows, or outputs is too short.</exception>
    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        InferenceWorkspace? workspace = s_threadWorkspace;
        if (workspace is null || workspace.HiddenWidth < Plan.WidestHidden)
        {
            // Grows only, so a thread serving several models settles on the widest and stops allocating.
            workspace = s_threadWorkspace = new InferenceWorkspace(Math.Max(Plan.WidestHidden, workspace?.HiddenWidth ?? 0),
                ThreadWorkspaceBatch);
        }

        Predict(inputs, outputs, workspace);
    }

    /// <summary>
    /// The head's output Ŷ for one or more samples, using the caller's workspace. Allocation-free; thread-safe as long as
    /// each thread uses its own workspace.
    /// </summary>
    /// <param name="inputs">[count, inputs] row-major; count ≥ 1 is <c>inputs.Length / InputSize</c>.</param>
    /// <param name="outputs">Receives [count, outputs] row-major; at least that long.</param>
    /// <param name="workspace">Scratch memory; not shared with another thread during the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="workspace"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// inputs is not a whole, non-zero number of rows, outputs is too short, or the workspace is too narrow for this network.
    /// </exception>
    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, InferenceWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int count = CheckPredictArguments(inputs, outputs);
        if (workspace.HiddenWidth < Plan.WidestHidden)
        {
            throw new ArgumentException(
                $"The workspace holds hidden layers of {workspace.HiddenWidth}, but {Definition} needs {Plan.WidestHidden}.",
                nameof(workspace));
        }

        int chunk = workspace.HalfLength / Math.Max(Plan.WidestHidden, 1);
        int nIn = Plan.InputSize, nOut = Plan.OutputSize;
        for (int first = 0; first < count; first += chunk)
        {
            int rows = Math.Min(chunk, count - first);
            PredictChunk(inputs.Slice(first * nIn, rows * nIn), outputs.Slice(first * nOut, rows * nOut), rows, workspace);
        }
    }

    /// <summary>The arg-max class of one sample's output (for sigmoid with one output: 1 when ŷ ≥ ½). Thread-safe, allocation-free.</summary>
    /// <param name="input">One sample, <see cref="MlpDefinition.InputSize"/> floats.</param>
    /// <returns>The predicted class index.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not one sample long.</exception>
    public int PredictClass(ReadOnlySpan<float> input)
    {
        if (input.Length != Plan.InputSize)
        {
            throw new ArgumentException($"input has {input.Length} floats, but one sample of {Definition} has {Plan.InputSize}.",
                nameof(input));
        }

        int nOut = Plan.OutputSize;
        // Small outputs live on the stack; very wide ones fall back to a pooled array.
        float[]? rented = nOut > 256 ? System.Buffers.ArrayPool<float>.Shared.Rent(nOut) : null;
        Span<float> output = rented is null ? stackalloc float[nOut] : rented.AsSpan(0, nOut);
        Predict(input, output);
        int result = nOut == 1 ? (output[0] >= 0.5f ? 1 : 0) : Training.Accuracy.ArgMax(output);
        if (rented is not null) System.Buffers.ArrayPool<float>.Shared.Return(rented);
        return result;
    }

    /// <summary>Forward pass of ≤ one chunk: hidden layers ping-pong in the workspace, the last layer writes the caller's outputs.</summary>
    private void PredictChunk(ReadOnlySpan<float> inputs, Span<float> outputs, int rows, InferenceWorkspace workspace)
    {
        LayerPlan[] layers = Plan.Layers;
        ReadOnlySpan<float> parameters = _parameters.Span;
        ReadOnlySpan<float> a = inputs;
        int last = layers.Length - 1;
        for (int l = 0; l <= last; l++)
        {
            LayerPlan layer = layers[l];
            Span<float> c = l == last ? outputs : workspace.Half(l & 1)[..(rows * layer.Outputs)];
            // Softmax is row-wise, so the last layer yields logits and the softmax runs in place afterwards.
            ActivationFunction g = l == last && Plan.Head == OutputHead.SoftmaxCrossEntropy ? ActivationKind.Identity : layer.Activation;
            ReadOnlySpan<float> weights = parameters.Slice(layer.WeightOffset, layer.Inputs * layer.Outputs);
            ReadOnlySpan<float> bias = parameters.Slice(layer.BiasOffset, layer.Outputs);
            if (rows == 1)
            {
                // One sample streams every weight once, so the weights' bytes bound the latency: skip the rows of W
                // whose input is zero (background pixels, inactive ReLUs).
                Gemm.SparseRowBiasActivation(a, weights, layer.Outputs, layer.Outputs, bias, g, c);
            }
            else
            {
                Gemm.SgemmBiasActivation(Transpose.No, Transpose.No, rows, layer.Outputs, layer.Inputs, a, layer.Inputs,
                    weights, layer.Outputs, bias, g, c, layer.Outputs);
            }

            a = c;
        }

        if (Plan.Head == OutputHead.SoftmaxCrossEntropy) Softmax.Forward(Plan.OutputSize, outputs, outputs);
    }

    private int CheckPredictArguments(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        int nIn = Plan.InputSize;
        if (inputs.Length == 0 || inputs.Length % nIn != 0)
        {
            throw new ArgumentException(
                $"inputs has {inputs.Length} floats, but must be a whole, non-zero number of samples of {nIn} for {Definition}.",
                nameof(inputs));
        }

        int count = inputs.Length / nIn;
        if (outputs.Length < (long)count * Plan.OutputSize)
        {
            throw new ArgumentException(
                $"outputs has {outputs.Length} floats, but {count} samples of {Plan.OutputSize} outputs need {(long)count * Plan.OutputSize}.",
                nameof(outputs));
        }

        return count;
    }
}
