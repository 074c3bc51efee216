using SimdMlp.IO;

namespace SimdMlp.Cli.Data;

/// <summary>
/// Resolves a <c>--data</c> value: the word <c>builtin</c>, a folder of MNIST-style IDX files (raw or .gz), or a CSV
/// file (feature columns, then the label; or a header-named label column).
/// </summary>
internal static class DataSource
{
    /// <summary>The training and test sets for <c>train</c>.</summary>
    /// <param name="data">The --data value.</param>
    /// <param name="test">A --test CSV file, or null: for CSV data the test set is then held out of it.</param>
    /// <param name="testFraction">The share of a CSV held out as the test set when there is no --test file.</param>
    /// <param name="seed">Seeds the hold-out's shuffle.</param>
    /// <param name="labelColumn">The CSV label column's header name, or null for the last column.</param>
    public static DatasetSplit LoadForTraining(string data, string? test, double testFraction, int seed, string? labelColumn)
    {
        switch (Classify(data, "--data"))
        {
            case DataKind.Builtin:
            case DataKind.IdxFolder:
                if (test is not null)
                {
                    throw new InputException(
                        $"Option --test applies to CSV data only; {Describe(data)} already has its test set.");
                }

                return data == BuiltinData.Name ? BuiltinData.Load() : LoadIdx(data);
            default:
                Dataset all = CsvReader.ReadClassification(data, new CsvOptions { LabelColumn = labelColumn });
                if (test is null) return HoldOut.Split(all, testFraction, seed, data);
                if (Classify(test, "--test") != DataKind.Csv) throw new InputException($"Option --test needs a CSV file, but {test} is a folder.");
                Dataset tested = CsvReader.ReadClassification(test, new CsvOptions { LabelColumn = labelColumn });
                if (tested.FeatureCount != all.FeatureCount)
                {
                    throw new InputException(
                        $"{test} has {tested.FeatureCount} features per row, but {data} has {all.FeatureCount}; they must be equal.");
                }

                // The test file may lack the top classes (or have more), so both get the larger count.
                int classes = Math.Max(all.ClassCount, tested.ClassCount);
                return new DatasetSplit(WithClassCount(all, classes), WithClassCount(tested, classes));
        }
    }

    /// <summary>
    /// The labelled samples for <c>eval</c>: the test set of builtin or of an IDX folder, or every row of a CSV file;
    /// checked against the model's input width and class count.
    /// </summary>
    public static Dataset LoadForEvaluation(string data, string? labelColumn, MlpDefinition model, string modelPath)
    {
        Dataset samples = Classify(data, "--data") switch
        {
            DataKind.Builtin => BuiltinData.Load().Test,
            DataKind.IdxFolder => LoadIdx(data).Test,
            _ => CsvReader.ReadClassification(data, new CsvOptions { LabelColumn = labelColumn }),
        };

        string source = data == BuiltinData.Name ? "The built-in data set" : data;
        if (samples.FeatureCount != model.InputSize)
        {
            throw new InputException(
                $"{source} has {samples.FeatureCount} features per sample, but the model {modelPath} takes {model.InputSize}.");
        }

        if (samples.ClassCount > model.OutputSize)
        {
            throw new InputException(
                $"{source} has labels up to {samples.ClassCount - 1}, but the model {modelPath} has only {model.OutputSize} classes.");
        }

        return samples;
    }

    private static DatasetSplit LoadIdx(string folder)
    {
        try
        {
            return IdxFolder.Load(folder);
        }
        catch (FileNotFoundException missing)
        {
            // IdxFolder's message lists every spelling it tried, in two sentences; one names the problem well enough.
            string name = Path.GetFileName(missing.FileName) ?? "the IDX files";
            throw new InputException(
                $"The folder {folder} is not an IDX data set: it has no {name} (raw or .gz); give an MNIST-style folder, a CSV file or builtin.");
        }
    }

    private static Dataset WithClassCount(Dataset set, int classes) =>
        set.ClassCount == classes ? set
        : set.ByteFeatures is { } bytes ? new Dataset(bytes, set.FeatureCount, set.Labels, classes)
        : new Dataset(set.Features, set.FeatureCount, set.Labels, classes);

    private static string Describe(string data) => data == BuiltinData.Name ? "the built-in data set" : $"the IDX folder {data}";

    private static DataKind Classify(string path, string option)
    {
        if (path == BuiltinData.Name && option == "--data") return DataKind.Builtin;
        if (Directory.Exists(path)) return DataKind.IdxFolder;
        if (File.Exists(path)) return DataKind.Csv;
        throw new InputException(option == "--data"
            ? $"The data path {path} does not exist (give a folder of IDX files, a CSV file, or the word builtin)."
            : $"The {option} file {path} does not exist.");
    }

    private enum DataKind
    {
        Builtin,
        IdxFolder,
        Csv,
    }
}
