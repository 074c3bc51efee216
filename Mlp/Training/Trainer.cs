namespace SimdMlp.Training;

/// <summary>
/// Trains a <see cref="MultiLayerPerceptron"/> in place by mini-batch backpropagation. Everything a step needs
/// (gradients, activations, optimizer state, the gathered batch) is allocated here, once, for
/// <see cref="TrainerOptions.BatchSize"/>; a step then allocates nothing.
/// </summary>
/// <remarks>
/// Not thread-safe: one trainer per thread (matrix products use up to
/// <see cref="TrainerOptions.MaxDegreeOfParallelism"/> threads internally). Do not predict with the model from other
/// threads while it trains.
/// </remarks>
public sealed partial class Trainer
{
    private readonly ForwardPlan _plan;
    private readonly Backpropagation _engine;
    private readonly AlignedFloats _state1;
    private readonly AlignedFloats _state2;
    private readonly float[] _batchInputs;
    private readonly RowGather _gather = new();
    private readonly int[] _batchLabels;
    private readonly float[] _batchTargets;

    /// <summary>A trainer for <paramref name="model"/>.</summary>
    /// <param name="model">The network, updated in place.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Trainer(MultiLayerPerceptron model, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new TrainerOptions();
        options.Validate();
        Model = model;
        Options = options;
        _plan = model.Plan;
        _engine = new Backpropagation(_plan, options.BatchSize);
        int parameters = model.Definition.ParameterCount;
        _state1 = new AlignedFloats(options.Optimizer.StateBuffers >= 1 ? parameters : 0);
        _state2 = new AlignedFloats(options.Optimizer.StateBuffers >= 2 ? parameters : 0);
        _batchInputs = new float[options.BatchSize * _plan.InputSize];
        _batchLabels = new int[options.BatchSize];
        _batchTargets = new float[options.BatchSize * _plan.OutputSize];
        LearningRate = options.Optimizer.LearningRate;
    }

    /// <summary>The network being trained.</summary>
    public MultiLayerPerceptron Model { get; }

    /// <summary>The settings.</summary>
    public TrainerOptions Options { get; }

    /// <summary>Optimizer steps taken so far (Adam's t and the momentum's step count).</summary>
    public int StepCount { get; private set; }

    /// <summary>
    /// The learning rate of the next step. <see cref="Fit"/> sets it from the schedule at every epoch; callers of
    /// <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/> may set it themselves.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double LearningRate
    {
        get;
        set => field = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "LearningRate must be finite and ≥ 0.");
    }

    /// <summary>dL/dθ from the last step or <c>ComputeGradients</c> call, in the parameter layout of <see cref="MlpDefinition"/>.</summary>
    public ReadOnlySpan<float> Gradients => _engine.Gradients;

    /// <summary>One training step on one batch: forward, loss, backward, optimizer update. Allocation-free.</summary>
    /// <param name="inputs">[batch, inputs] row-major, batch = <c>labels.Length</c> ≤ <see cref="TrainerOptions.BatchSize"/>.</param>
    /// <param name="labels">Class labels (see <see cref="SampleSet"/>).</param>
    /// <returns>The batch's mean loss before the update.</returns>
    /// <exception cref="ArgumentException">The shapes do not match the network or the batch is too large.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class of the network.</exception>
    public float Step(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        float loss = ComputeGradients(inputs, labels);
        ApplyGradients();
        return loss;
    }

    /// <summary>One training step on one batch with target rows. Allocation-free.</summary>
    /// <param name="inputs">[batch, inputs] row-major.</param>
    /// <param name="targets">[batch, outputs] row-major.</param>
    /// <param name="batch">The number of samples, 1 ≤ batch ≤ <see cref="TrainerOptions.BatchSize"/>.</param>
    /// <returns>The batch's mean loss before the update.</returns>
    /// <exception cref="ArgumentException">The shapes do not match the network or the batch is too large.</exception>
    public float Step(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batch)
    {
        float loss = ComputeGradients(inputs, targets, batch);
        ApplyGradients();
        return loss;
    }

    /// <summary>Forward, loss and backward on one batch, filling <see cref="Gradients"/>; no update.</summary>
    /// <param name="inputs">[batch, inputs] row-major, batch = <c>labels.Length</c>.</param>
    /// <param name="labels">Class labels.</param>
    /// <returns>The batch's mean loss.</returns>
    /// <exception cref="ArgumentException">The shapes do not match the network or the batch is too large.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class of the network.</exception>
    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        int batch = labels.Length;
        CheckBatch(inputs, batch);
        LabelChecks.Validate(labels, Model.Definition, nameof(labels));
        ReadOnlySpan<float> parameters = Model.Parameters;
        _engine.Forward(parameters, inputs, batch, Options.MaxDegreeOfParallelism);
        float loss = _engine.Loss(batch, labels);
        _engine.Backward(parameters, inputs, batch, false, Options.MaxDegreeOfParallelism);
        return loss;
    }

    /// <summary>Forward, loss and backward on one batch with target rows, filling <see cref="Gradients"/>; no update.</summary>
    /// <param name="inputs">[batch, inputs] row-major.</param>
    /// <param name="targets">[batch, outputs] row-major.</param>
    /// <param name="batch">The number of samples, 1 ≤ batch ≤ <see cref="TrainerOptions.BatchSize"/>.</param>
    /// <returns>The batch's mean loss.</returns>
    /// <exception cref="ArgumentException">The shapes do not match the network or the batch is too large.</exception>
    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batch)
    {
        CheckBatch(inputs, batch);
        if (targets.Length != batch * _plan.OutputSize)
        {
            throw new ArgumentException(
                $"targets has {targets.Length} floats, but {batch} samples of {_plan.OutputSize} outputs need {batch * _plan.OutputSize}.",
                nameof(targets));
        }

        ReadOnlySpan<float> parameters = Model.Parameters;
        _engine.Forward(parameters, inputs, batch, Options.MaxDegreeOfParallelism);
        float loss = _engine.Loss(batch, targets);
        _engine.Backward(parameters, inputs, batch, false, Options.MaxDegreeOfParallelism);
        return loss;
    }

    /// <summary>One optimizer update from <see cref="Gradients"/> at <see cref="LearningRate"/>. Allocation-free.</summary>
    public void ApplyGradients()
    {
        StepCount++;
        Options.Optimizer.Step(LearningRate, Model.MutableParameters, _engine.Gradients, _state1.Span, _state2.Span, StepCount,
            Options.MaxDegreeOfParallelism);
    }

    private void CheckBatch(ReadOnlySpan<float> inputs, int batch)
    {
        if (batch < 1 || batch > Options.BatchSize)
        {
            throw new ArgumentException(
                $"The batch has {batch} samples, but must have 1 to BatchSize = {Options.BatchSize}.", nameof(inputs));
        }

        if (inputs.Length != batch * _plan.InputSize)
        {
            throw new ArgumentException(
                $"inputs has {inputs.Length} floats, but {batch} samples of {_plan.InputSize} features need {batch * _plan.InputSize}.",
                nameof(inputs));
        }
    }
}
