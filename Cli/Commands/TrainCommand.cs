using System.Globalization;
using SimdMlp.Cli.CommandLine;
using SimdMlp.Cli.Console;
using SimdMlp.Cli.Data;
using SimdMlp.Cli.Output;
using SimdMlp.Cli.Training;
using SimdMlp.IO;
using SimdMlp.Kernels;
using SimdMlp.Training;

namespace SimdMlp.Cli.Commands;

/// <summary><c>simdmlp train</c>: trains a classifier, saves it, and writes the metrics and the curves.</summary>
internal static class TrainCommand
{
    public const string Summary = "Train a classifier and save it (with metrics.json and a plot of the curves).";

    public static readonly OptionSpec[] Options =
    [
        new(CommandLine.Options.Data, "PATH",
            "Training data: a folder of MNIST-style IDX files (.gz or raw), a CSV file, or the word builtin (5,000 + 1,000 Fashion-MNIST images inside simdmlp). Required."),
        new("--test", "PATH", "For CSV data: a CSV test set. Without it, --test-fraction of the rows are held out (seeded)."),
        new("--test-fraction", "F", "For CSV data without --test: the share of rows held out for testing (default 0.2)."),
        CommandLine.Options.LabelColumnSpec,
        new("--layers", "N,N,...", "Hidden layer widths (default 256,128)."),
        new("--activation", "NAME", "Hidden activation: relu, leaky-relu, tanh, sigmoid, gelu or identity (default relu)."),
        new("--epochs", "N", "Passes over the training data (default 10)."),
        new("--batch", "N", "Samples per mini-batch (default 256)."),
        new("--optimizer", "NAME", "adam, adamw, sgd, momentum or nesterov (default adam)."),
        new("--lr", "RATE", "Base learning rate (default 0.003 for adam and adamw, 0.01 for the SGD family)."),
        new("--schedule", "NAME", "cosine (to 5% of the rate by the last epoch) or constant (default cosine)."),
        new("--seed", "N", "Seeds the initial weights, the shuffles and the CSV hold-out (default 1)."),
        new("--threads", "N", "Threads for the matrix products (default: all cores); results do not depend on it."),
        new("--out", "PATH", "Where to save the model (default model.smlp)."),
        new("--metrics", "PATH", "Also write the metrics as JSON (test accuracy, seconds, per-epoch loss and accuracy)."),
        new("--plot", "PATH", "Also draw the loss and accuracy curves as an SVG file."),
        CommandLine.Options.VerboseSpec,
    ];

    private static readonly (string, ActivationKind)[] s_activations =
    [
        ("relu", ActivationKind.Relu), ("leaky-relu", ActivationKind.LeakyRelu), ("tanh", ActivationKind.Tanh),
        ("sigmoid", ActivationKind.Sigmoid), ("gelu", ActivationKind.Gelu), ("identity", ActivationKind.Identity),
    ];

    private static readonly (string, OptimizerKind)[] s_optimizers =
    [
        ("adam", OptimizerKind.Adam), ("adamw", OptimizerKind.AdamW), ("sgd", OptimizerKind.Sgd),
        ("momentum", OptimizerKind.Momentum), ("nesterov", OptimizerKind.Nesterov),
    ];

    private static readonly (string, bool)[] s_schedules = [("cosine", true), ("constant", false)];

    public static int Run(ParsedArguments args, CommandContext context)
    {
        var defaults = new TrainSettings();
        var settings = new TrainSettings
        {
            HiddenLayers = args.IntegerList("--layers", defaults.HiddenLayers, 1, 1 << 16),
            Activation = args.Choice("--activation", defaults.Activation, s_activations),
            Epochs = args.Integer("--epochs", defaults.Epochs, 1, 100_000),
            BatchSize = args.Integer("--batch", defaults.BatchSize, 1, 1 << 16),
            Optimizer = args.Choice("--optimizer", defaults.Optimizer, s_optimizers),
            LearningRate = args.Has("--lr") ? args.Number("--lr", 0, 0, 10, minExclusive: true) : null,
            Cosine = args.Choice("--schedule", defaults.Cosine, s_schedules),
            Seed = args.Integer("--seed", defaults.Seed, int.MinValue, int.MaxValue),
            Threads = args.Integer("--threads", defaults.Threads, 1, 1024),
        };
        string data = args.RequiredText(CommandLine.Options.Data);
        string? test = args.Text("--test");
        double testFraction = args.Number("--test-fraction", 0.2, 0, 1, minExclusive: true);
        if (testFraction >= 1) throw new InputException($"Option --test-fraction needs a number below 1, but got '{args.Text("--test-fraction")}'.");
        string modelPath = args.Text("--out") ?? "model.smlp";
        string? metricsPath = args.Text("--metrics");
        string? plotPath = args.Text("--plot");

        // Before the (possibly long) training, so that a typo in an output path costs nothing.
        OutputFile.CheckWritable(modelPath, "--out");
        if (metricsPath is not null) OutputFile.CheckWritable(metricsPath, "--metrics");
        if (plotPath is not null) OutputFile.CheckWritable(plotPath, "--plot");

        DatasetSplit split = DataSource.LoadForTraining(data, test, testFraction, settings.Seed, args.Text(CommandLine.Options.LabelColumn));
        MlpDefinition definition = settings.Definition(split.Train.FeatureCount, split.Train.ClassCount);
        var model = MultiLayerPerceptron.Create(definition, settings.Seed);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Training {definition} on {split.Train.Count} samples, testing on {split.Test.Count} ({SimdCapabilities.ActivePath} kernels)."));
        context.Out.WriteLine($"Settings: {settings.Describe()}.");

        IReadOnlyList<EpochMetrics> history = TrainingDisplay.Run(context, model, settings.TrainerOptions, split.Train, split.Test);
        context.Console.Write(TrainingDisplay.EpochTable(history));

        var summary = new TrainingSummary(data, modelPath, definition.ToString(), settings.Describe(), split.Train.Count,
            split.Test.Count, history);
        ModelFile.Save(model, modelPath);
        context.Out.WriteLine($"Saved the model to {modelPath}.");
        if (metricsPath is not null)
        {
            OutputFile.Write(metricsPath, stream => MetricsJson.Write(stream, summary));
            context.Out.WriteLine($"Wrote the metrics to {metricsPath}.");
        }

        if (plotPath is not null)
        {
            OutputFile.Write(plotPath, stream => CurvePlot.WriteSvg(stream, summary));
            context.Out.WriteLine($"Drew the curves in {plotPath}.");
        }

        EpochMetrics last = history[^1];
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Test accuracy {last.TestAccuracy:F4} after {history.Count} epochs, {history.Sum(e => e.TrainSeconds):F2} s of training."));
        return Program.Success;
    }
}
