using System.Globalization;
using SimdMlp.Cli.Training;
using SimdMlp.IO;
using SimdMlp.Training;
using Spectre.Console;

namespace SimdMlp.Cli.Console;

/// <summary>
/// Runs <see cref="Trainer.Fit"/> and shows it as it runs: on a terminal a live progress bar over all epochs (samples/s, ETA) with a line per
/// finished epoch above it; in a log (redirected output, CI) only the plain line per epoch, so the log stays readable.
/// </summary>
internal static class TrainingDisplay
{
    /// <summary>Trains <paramref name="model"/> with <see cref="Trainer.Fit"/>, showing its progress; returns the epochs.</summary>
    public static IReadOnlyList<EpochMetrics> Run(CommandContext context, MultiLayerPerceptron model, TrainerOptions options,
        Dataset train, Dataset test)
    {
        IReadOnlyList<EpochMetrics> Fit(Trainer trainer) => trainer.Fit(
            train.ToSampleSet(), test: test.ToSampleSet()).History;
        int epochs = options.Epochs;
        if (!context.Interactive)
        {
            return Fit(new Trainer(model, options with { EpochCompleted = e => context.Out.WriteLine(Line(e, epochs)) }));
        }

        return context.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SamplesPerSecondColumn(),
                new RemainingTimeColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                ProgressTask task = progress.AddTask($"epoch 1/{epochs}", autoStart: true, maxValue: (double)train.Count * epochs);
                return Fit(new Trainer(model, options with
                {
                    BatchCompleted = samples => task.Increment(samples),
                    EpochCompleted = e =>
                    {
                        context.Console.WriteLine(Line(e, epochs));
                        if (e.Epoch < epochs) task.Description = $"epoch {e.Epoch + 1}/{epochs}";
                    },
                }));
            });
    }

    /// <summary>The per-epoch table printed after training.</summary>
    public static Table EpochTable(IReadOnlyList<EpochMetrics> history)
    {
        var table = new Table().Title("Training");
        table.AddColumn(new TableColumn("Epoch").RightAligned());
        table.AddColumn(new TableColumn("Learning rate").RightAligned());
        table.AddColumn(new TableColumn("Train loss").RightAligned());
        table.AddColumn(new TableColumn("Test loss").RightAligned());
        table.AddColumn(new TableColumn("Test accuracy").RightAligned());
        table.AddColumn(new TableColumn("Seconds").RightAligned());
        foreach (EpochMetrics e in history)
        {
            table.AddRow(Invariant($"{e.Epoch}"), Invariant($"{e.LearningRate:G4}"), Invariant($"{e.TrainLoss:F4}"),
                Invariant($"{e.TestLoss:F4}"), Invariant($"{e.TestAccuracy:F4}"), Invariant($"{e.TrainSeconds:F2}"));
        }

        return table;
    }

    internal static string Line(EpochMetrics e, int epochs) => Invariant(
        $"epoch {e.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(epochs.ToString(CultureInfo.InvariantCulture).Length)}/{epochs}: lr {e.LearningRate:G4}, train loss {e.TrainLoss:F4}, test loss {e.TestLoss:F4}, test accuracy {e.TestAccuracy:F4}, {e.TrainSeconds:F2} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
