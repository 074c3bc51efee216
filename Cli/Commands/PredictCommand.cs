using SimdMlp.Cli.CommandLine;
using SimdMlp.Cli.Data;
using SimdMlp.Cli.Output;

namespace SimdMlp.Cli.Commands;

/// <summary><c>simdmlp predict</c>: class probabilities and the predicted class for every row of a CSV file.</summary>
internal static class PredictCommand
{
    public const string Summary = "Write the class probabilities and the predicted class of every row of a CSV file.";

    public static readonly OptionSpec[] Options =
    [
        new(CommandLine.Options.Model, "PATH", "The model file written by train. Required."),
        new("--input", "PATH",
            "CSV rows of the model's inputs (a header line is optional; one extra last column, such as a label, is ignored). Required."),
        new("--output", "PATH", "The CSV to write: header p0,...,pK-1,predicted, then one line per input row. Required."),
        CommandLine.Options.VerboseSpec,
    ];

    public static int Run(ParsedArguments args, CommandContext context)
    {
        string modelPath = args.RequiredText(CommandLine.Options.Model);
        string input = args.RequiredText("--input");
        string output = args.RequiredText("--output");
        OutputFile.CheckWritable(output, "--output");

        MultiLayerPerceptron model = ModelLoader.Load(modelPath);
        float[] inputs = FeatureCsv.Read(input, model.Definition.InputSize, out int rows);
        int classes = model.Definition.OutputSize;
        float[] probabilities = new float[(long)rows * classes <= Array.MaxLength ? rows * classes : throw new InputException($"{input} has too many rows.")];
        model.Predict(inputs, probabilities);
        OutputFile.Write(output, stream => PredictionCsv.Write(stream, probabilities, classes));
        context.Out.WriteLine($"Predicted {rows} rows of {input} into {output}.");
        return Program.Success;
    }
}
