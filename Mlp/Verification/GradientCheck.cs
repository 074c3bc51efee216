using SimdMlp.Training;

namespace SimdMlp;

/// <summary>
/// Checks backpropagation: the analytic gradients of a network's loss on a batch (float, from the training kernels)
/// against central finite differences of an independent double-precision forward pass, for every weight, bias and
/// input element.
/// </summary>
/// <remarks>
/// In double, a step of 1e-6 leaves truncation and rounding errors near 1e-10, far below float rounding, so the
/// difference measures the float implementation alone. Costs two forward passes per parameter: meant for small
/// networks and batches. Elements whose finite difference crosses a ReLU or leaky-ReLU kink are skipped and counted.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Checks the gradients for a batch with class labels.</summary>
    /// <param name="model">The network (not modified).</param>
    /// <param name="inputs">[batch, inputs] row-major, batch = <c>labels.Length</c> ≥ 1.</param>
    /// <param name="labels">Class labels (see <see cref="SampleSet"/>).</param>
    /// <param name="step">The finite-difference step h, applied in double (default 1e-6).</param>
    /// <returns>Per-tensor errors.</returns>
    /// <exception cref="ArgumentException">Shapes do not match the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is invalid or the step is not positive.</exception>
    public static GradientCheckResult Run(MultiLayerPerceptron model, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels,
        double step = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(model);
        var samples = new SampleSet(inputs, labels);
        samples.Validate(model.Definition, nameof(labels));
        int batch = CheckBatch(model, inputs, labels.Length);
        var targets = new float[batch * model.Definition.OutputSize];
        if (model.Definition.Head == OutputHead.SoftmaxCrossEntropy || model.Definition.OutputSize > 1)
        {
            for (int i = 0; i < batch; i++) targets[i * model.Definition.OutputSize + labels[i]] = 1;
        }
        else
        {
            for (int i = 0; i < batch; i++) targets[i] = labels[i];
        }

        return Run(model, inputs, targets, batch, step);
    }

    /// <summary>Checks the gradients for a batch with target rows.</summary>
    /// <param name="model">The network (not modified).</param>
    /// <param name="inputs">[batch, inputs] row-major.</param>
    /// <param name="targets">[batch, outputs] row-major.</param>
    /// <param name="batch">The number of samples, ≥ 1.</param>
    /// <param name="step">The finite-difference step h, applied in double (default 1e-6).</param>
    /// <returns>Per-tensor errors.</returns>
    /// <exception cref="ArgumentException">Shapes do not match the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The step is not positive.</exception>
    public static GradientCheckResult Run(MultiLayerPerceptron model, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets,
        int batch, double step = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(step > 0 && double.IsFinite(step))) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be finite and > 0.");
        CheckBatch(model, inputs, batch);
        MlpDefinition definition = model.Definition;
        if (targets.Length != batch * definition.OutputSize)
        {
            throw new ArgumentException(
                $"targets has {targets.Length} floats, but {batch} samples of {definition.OutputSize} outputs need {batch * definition.OutputSize}.",
                nameof(targets));
        }

        var engine = new Backpropagation(model.Plan, batch);
        engine.Forward(model.Parameters, inputs, batch, 1);
        double loss = engine.Loss(batch, targets);
        engine.Backward(model.Parameters, inputs, batch, true, 1);

        double[] parameters = Widen(model.Parameters);
        double[] x = Widen(inputs);
        double[] y = Widen(targets);
        var reference = new ReferenceNetwork(model.Plan, batch);
        double referenceLoss = reference.Loss(parameters, x, y);

        var tensors = new List<TensorGradientCheck>(2 * definition.LayerCount + 1);
        for (int l = 0; l < definition.LayerCount; l++)
        {
            tensors.Add(Compare($"W{l}", engine.Gradients, parameters, definition.WeightOffset(l), definition.WeightCount(l),
                reference, parameters, x, y, step));
            tensors.Add(Compare($"b{l}", engine.Gradients, parameters, definition.BiasOffset(l), definition.LayerSizes[l + 1],
                reference, parameters, x, y, step));
        }

        tensors.Add(Compare("X", engine.InputGradient, x, 0, x.Length, reference, parameters, x, y, step));
        return new GradientCheckResult(tensors, loss, referenceLoss);
    }

    /// <summary>Central differences for <paramref name="count"/> elements of <paramref name="perturbed"/> from <paramref name="offset"/>.</summary>
    private static TensorGradientCheck Compare(string name, ReadOnlySpan<float> analyticSource, double[] perturbed, int offset,
        int count, ReferenceNetwork reference, double[] parameters, double[] x, double[] y, double step)
    {
        var analytic = new double[count];
        var numeric = new double[count];
        var skipped = new bool[count];
        bool[] sides = new bool[reference.KinkSides.Length];
        for (int i = 0; i < count; i++)
        {
            analytic[i] = analyticSource[offset + i];
            double saved = perturbed[offset + i];
            perturbed[offset + i] = saved + step;
            double plus = reference.Loss(parameters, x, y);
            reference.KinkSides.CopyTo(sides);
            perturbed[offset + i] = saved - step;
            double minus = reference.Loss(parameters, x, y);
            perturbed[offset + i] = saved;
            numeric[i] = (plus - minus) / (2 * step);
            skipped[i] = !reference.KinkSides.SequenceEqual(sides);
        }

        return new TensorGradientCheck(name, analytic, numeric, skipped);
    }

    private static int CheckBatch(MultiLayerPerceptron model, ReadOnlySpan<float> inputs, int batch)
    {
        if (batch < 1) throw new ArgumentException($"The batch must hold at least one sample, but has {batch}.", nameof(inputs));
        int nIn = model.Definition.InputSize;
        if (inputs.Length != batch * nIn)
        {
            throw new ArgumentException(
                $"inputs has {inputs.Length} floats, but {batch} samples of {nIn} features need {batch * nIn}.", nameof(inputs));
        }

        return batch;
    }

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }
}
