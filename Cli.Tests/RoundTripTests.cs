using System.Globalization;
using System.Text.Json;
using SimdMlp.Cli.Tests.Support;

namespace SimdMlp.Cli.Tests;

/// <summary>train → save → eval → predict through the command line, on the built-in data and on a CSV made here.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Builtin_data_trains_evaluates_and_writes_metrics_and_plot()
    {
        string model = _folder.File("m.smlp"), metrics = _folder.File("metrics.json"), plot = _folder.File("curves.svg");
        CliRun train = CliRun.Of("train", "--data", "builtin", "--layers", "64", "--epochs", "2", "--threads", "2",
            "--out", model, "--metrics", metrics, "--plot", plot).Succeeds();
        Assert.Equal(["curves.svg", "m.smlp", "metrics.json"], _folder.FileNames());
        Assert.Contains("epoch 1/2", train.Out, StringComparison.Ordinal);
        Assert.Contains("Test accuracy", train.Out, StringComparison.Ordinal);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(metrics));
        JsonElement root = json.RootElement;
        double accuracy = root.GetProperty("test_accuracy").GetDouble();
        Assert.InRange(accuracy, 0.6, 1.0);
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        Assert.Equal(5000, root.GetProperty("train_samples").GetInt32());
        Assert.Equal(1000, root.GetProperty("test_samples").GetInt32());
        JsonElement[] epochs = root.GetProperty("epochs").EnumerateArray().ToArray();
        Assert.Equal(2, epochs.Length);
        for (int i = 0; i < epochs.Length; i++)
        {
            Assert.Equal(i + 1, epochs[i].GetProperty("epoch").GetInt32());
            Assert.True(epochs[i].GetProperty("train_loss").GetDouble() > 0);
            Assert.InRange(epochs[i].GetProperty("test_accuracy").GetDouble(), 0, 1);
            Assert.True(epochs[i].GetProperty("seconds").GetDouble() > 0);
        }

        Assert.Equal(accuracy, epochs[^1].GetProperty("test_accuracy").GetDouble());
        Assert.Equal(epochs.Sum(e => e.GetProperty("seconds").GetDouble()), root.GetProperty("train_seconds").GetDouble(), 9);

        string svg = File.ReadAllText(plot);
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        foreach (string label in new[] { "Epoch", "Train loss", "Test loss", "Test accuracy" }) Assert.Contains(label, svg, StringComparison.Ordinal);

        // eval on the same test set reports the accuracy training ended with.
        CliRun eval = CliRun.Of("eval", "--model", model, "--data", "builtin").Succeeds();
        Assert.Contains($"Accuracy {accuracy.ToString("F4", CultureInfo.InvariantCulture)} on 1000 samples", eval.Out, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix", eval.Out, StringComparison.Ordinal);
        Assert.Contains("Precision", eval.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_model_predicts_one_row_per_input_row()
    {
        string model = TrainedModels.Csv(_folder);
        string input = _folder.File("x.csv"), output = _folder.File("y.csv");
        TinyCsv.Write(input, 25, seed: 9, header: false, withLabel: false);
        CliRun.Of("predict", "--model", model, "--input", input, "--output", output).Succeeds();

        string[] lines = File.ReadAllText(output).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal("p0,p1,p2,predicted", lines[0]);
        Assert.Equal(25, lines.Length - 2);
        // The probabilities are the model's for the whole batch, written so that they parse back to the same floats.
        var loaded = IO.ModelFile.Load(model);
        float[] x = File.ReadAllLines(input).SelectMany(l => l.Split(',')).Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        float[] expected = new float[25 * 3];
        loaded.Predict(x, expected);
        for (int r = 0; r < 25; r++)
        {
            string[] fields = lines[r + 1].Split(',');
            Assert.Equal(4, fields.Length);
            float[] p = fields[..3].Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            Assert.InRange(p.Sum(), 0.999f, 1.001f);
            int predicted = int.Parse(fields[3], CultureInfo.InvariantCulture);
            Assert.Equal(Array.IndexOf(p, p.Max()), predicted);
            Assert.Equal(expected[(r * 3)..(r * 3 + 3)], p);
        }
    }

    [Fact]
    public void Predict_ignores_a_label_column_and_a_header()
    {
        string model = TrainedModels.Csv(_folder);
        string labelled = _folder.File("labelled.csv"), plain = _folder.File("plain.csv");
        TinyCsv.Write(labelled, 10, seed: 5, header: true, withLabel: true);
        TinyCsv.Write(plain, 10, seed: 5, header: false, withLabel: false);
        CliRun.Of("predict", "--model", model, "--input", labelled, "--output", _folder.File("a.csv")).Succeeds();
        CliRun.Of("predict", "--model", model, "--input", plain, "--output", _folder.File("b.csv")).Succeeds();
        Assert.Equal(File.ReadAllBytes(_folder.File("a.csv")), File.ReadAllBytes(_folder.File("b.csv")));
    }

    [Fact]
    public void Csv_training_learns_and_eval_agrees()
    {
        string metrics = _folder.File("metrics.json");
        string model = _folder.File("m.smlp");
        string data = TrainedModels.CsvData(_folder);
        CliRun.Of("train", "--data", data, "--layers", "16", "--epochs", "20", "--batch", "16", "--lr", "0.01",
            "--out", model, "--metrics", metrics).Succeeds();
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.Equal(240, json.RootElement.GetProperty("train_samples").GetInt32());
        Assert.Equal(60, json.RootElement.GetProperty("test_samples").GetInt32());
        Assert.True(json.RootElement.GetProperty("test_accuracy").GetDouble() >= 0.8,
            $"test accuracy {json.RootElement.GetProperty("test_accuracy")} on an easy problem");

        string test = _folder.File("test.csv");
        TinyCsv.Write(test, 200, seed: 2);
        CliRun eval = CliRun.Of("eval", "--model", model, "--data", test).Succeeds();
        Assert.Contains("on 200 samples", eval.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_with_a_separate_test_file_uses_it_whole()
    {
        string data = TrainedModels.CsvData(_folder), test = _folder.File("test.csv"), metrics = _folder.File("m.json");
        TinyCsv.Write(test, 40, seed: 8);
        CliRun.Of("train", "--data", data, "--test", test, "--layers", "8", "--epochs", "1", "--out", _folder.File("m.smlp"),
            "--metrics", metrics).Succeeds();
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.Equal(300, json.RootElement.GetProperty("train_samples").GetInt32());
        Assert.Equal(40, json.RootElement.GetProperty("test_samples").GetInt32());
    }

    [Fact]
    public void Same_seed_gives_the_same_model_file()
    {
        string data = TrainedModels.CsvData(_folder);
        string[] common = ["train", "--data", data, "--layers", "8", "--epochs", "2", "--seed", "7"];
        CliRun.Of([.. common, "--threads", "1", "--out", _folder.File("a.smlp")]).Succeeds();
        CliRun.Of([.. common, "--threads", "2", "--out", _folder.File("b.smlp")]).Succeeds();
        Assert.Equal(File.ReadAllBytes(_folder.File("a.smlp")), File.ReadAllBytes(_folder.File("b.smlp")));
    }
}
