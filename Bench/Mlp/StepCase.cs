using SimdMlp.Training;

namespace SimdMlp.Bench.Mlp;

/// <summary>
/// One training-step configuration: a fresh model and a plain-SGD trainer at a batch size and thread count, stepping
/// on one fixed, seeded input batch (uniform [0, 1) values) whose random labels cycle through
/// <see cref="LabelSets"/> seeded sets, one per step. With a single label set the network memorizes the batch within a
/// few hundred steps and the loss and gradients collapse towards 0 (tiny and denormal values are not what training
/// sees); with labels that disagree from step to step it cannot, and the loss stays near ln 10 as on real data early
/// on. A step is <see cref="Trainer.Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/>: forward, loss, backward and the
/// optimizer update.
/// </summary>
public sealed class StepCase
{
    /// <summary>Plain SGD; the value does not change the work a step does.</summary>
    public const double LearningRate = 0.05;

    /// <summary>Label sets cycled through, one per step.</summary>
    public const int LabelSets = 8;

    private readonly Trainer _trainer;
    private readonly float[] _inputs;
    private readonly int[][] _labels;
    private int _next;

    public StepCase(int batch, int threads, int seed = 1)
    {
        Batch = batch;
        Threads = threads;
        var model = MultiLayerPerceptron.Create(MlpNetwork.Definition, seed);
        _trainer = new Trainer(model, new TrainerOptions
        {
            BatchSize = batch,
            Optimizer = OptimizerSettings.Sgd(LearningRate),
            MaxDegreeOfParallelism = threads,
        });
        _inputs = MlpNetwork.RandomInputs(batch * MlpNetwork.Inputs, seed + 100 * batch + threads);
        _labels = new int[LabelSets][];
        for (int i = 0; i < LabelSets; i++) _labels[i] = MlpNetwork.RandomLabels(batch, seed + 100 * batch + threads + 1 + i);
    }

    public int Batch { get; }

    public int Threads { get; }

    public string Key => $"b{Batch}_t{Threads}";

    public string Label => $"batch {Batch}, {Threads} thread{(Threads == 1 ? "" : "s")}";

    /// <summary>The mean loss of the first measured step (set by the sampler), to show what the steps worked on.</summary>
    public float FirstLoss { get; set; } = float.NaN;

    /// <summary>The loss the last step returned.</summary>
    public float LastLoss { get; private set; } = float.NaN;

    /// <summary>The timed loop: nothing but the steps.</summary>
    public void Run(int steps)
    {
        float loss = 0;
        int next = _next;
        for (int i = 0; i < steps; i++)
        {
            loss = _trainer.Step(_inputs, _labels[next]);
            next = (next + 1) % LabelSets;
        }

        _next = next;
        LastLoss = loss;
    }
}
