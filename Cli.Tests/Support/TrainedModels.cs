namespace SimdMlp.Cli.Tests.Support;

/// <summary>Small models trained through the command line, for the tests that need one.</summary>
internal static class TrainedModels
{
    /// <summary>The TinyCsv training file in <paramref name="folder"/> (written on first use).</summary>
    public static string CsvData(TempFolder folder)
    {
        string path = folder.File("train.csv");
        if (!File.Exists(path)) TinyCsv.Write(path, 300, seed: 1);
        return path;
    }

    /// <summary>A 4-16-3 model trained for 3 epochs on the TinyCsv data; returns its path.</summary>
    public static string Csv(TempFolder folder)
    {
        string model = folder.File("tiny.smlp");
        CliRun.Of("train", "--data", CsvData(folder), "--layers", "16", "--epochs", "3", "--batch", "16", "--lr", "0.01",
            "--threads", "1", "--out", model).Succeeds();
        return model;
    }
}
