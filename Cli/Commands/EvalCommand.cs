using System.Globalization;
using SimdMlp.Cli.CommandLine;
using SimdMlp.Cli.Data;
using SimdMlp.Cli.Training;
using SimdMlp.IO;
using Spectre.Console;

namespace SimdMlp.Cli.Commands;

/// <summary><c>simdmlp eval</c>: accuracy, per-class precision and recall, and the confusion matrix of a model on labelled data.</summary>
internal static class EvalCommand
{
    public const string Summary = "Evaluate a model: accuracy, per-class precision and recall, confusion matrix.";

    public static readonly OptionSpec[] Options =
    [
        new(CommandLine.Options.Model, "PATH", "The model file written by train. Required."),
        new(CommandLine.Options.Data, "PATH",
            "Labelled data: a folder of IDX files or builtin (their test sets are used), or a CSV file (every row). Required."),
        CommandLine.Options.LabelColumnSpec,
        CommandLine.Options.VerboseSpec,
    ];

    public static int Run(ParsedArguments args, CommandContext context)
    {
        string modelPath = args.RequiredText(CommandLine.Options.Model);
        string data = args.RequiredText(CommandLine.Options.Data);
        MultiLayerPerceptron model = ModelLoader.Load(modelPath);
        Dataset samples = DataSource.LoadForEvaluation(data, args.Text(CommandLine.Options.LabelColumn), model.Definition, modelPath);

        ConfusionMatrix matrix = Evaluate(model, samples);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Accuracy {matrix.Accuracy:F4} on {matrix.Total} samples of {data} ({model.Definition})."));
        context.Console.Write(ClassTable(matrix));
        context.Console.Write(MatrixTable(matrix));
        return Program.Success;
    }

    internal static ConfusionMatrix Evaluate(MultiLayerPerceptron model, Dataset samples)
    {
        int classes = model.Definition.OutputSize;
        float[] probabilities = new float[samples.Count * classes];
        model.Predict(samples.Features, probabilities);
        var matrix = new ConfusionMatrix(classes);
        for (int i = 0; i < samples.Count; i++)
        {
            ReadOnlySpan<float> row = probabilities.AsSpan(i * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++)
            {
                if (row[c] > row[best]) best = c;
            }

            matrix.Add(samples.Labels[i], best);
        }

        return matrix;
    }

    private static Table ClassTable(ConfusionMatrix matrix)
    {
        var table = new Table().Title("Per class");
        table.AddColumn(new TableColumn("Class").RightAligned());
        table.AddColumn(new TableColumn("Precision").RightAligned());
        table.AddColumn(new TableColumn("Recall").RightAligned());
        table.AddColumn(new TableColumn("Samples").RightAligned());
        for (int c = 0; c < matrix.Classes; c++)
        {
            table.AddRow(Text(c), Ratio(matrix.Precision(c)), Ratio(matrix.Recall(c)), Text(matrix.Support(c)));
        }

        return table;
    }

    private static Table MatrixTable(ConfusionMatrix matrix)
    {
        var table = new Table().Title("Confusion matrix (rows: true class, columns: predicted class)");
        table.AddColumn(new TableColumn("true \\ pred").RightAligned());
        for (int c = 0; c < matrix.Classes; c++) table.AddColumn(new TableColumn(Text(c)).RightAligned());
        for (int a = 0; a < matrix.Classes; a++)
        {
            var cells = new string[matrix.Classes + 1];
            cells[0] = Text(a);
            for (int p = 0; p < matrix.Classes; p++) cells[p + 1] = Text(matrix[a, p]);
            table.AddRow(cells);
        }

        return table;
    }

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "-";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
