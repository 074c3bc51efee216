using SimdMlp.Cli.Tests.Support;

namespace SimdMlp.Cli.Tests;

/// <summary>
/// Bad files: each ends in exit code 2 with one sentence naming the file and the problem, and leaves no output
/// file (nor a temporary one) behind.
/// </summary>
public sealed class ErrorPathTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_data_path_is_named()
    {
        string data = _folder.File("absent");
        CliRun.Of("train", "--data", data, "--out", _folder.File("m.smlp")).FailsWithBadInput(data, "does not exist");
        Assert.Empty(_folder.FileNames());
    }

    [Fact]
    public void Idx_folder_without_the_files_is_named()
    {
        string data = Directory.CreateDirectory(_folder.File("empty")).FullName;
        CliRun.Of("train", "--data", data, "--out", _folder.File("m.smlp")).FailsWithBadInput(data, "train-images-idx3-ubyte");
        Assert.Equal(["empty"], _folder.FileNames());
    }

    [Fact]
    public void Malformed_csv_line_names_the_file_and_line()
    {
        string data = _folder.File("bad.csv");
        File.WriteAllText(data, "a,b,label\n0.1,0.2,0\n0.3,oops,1\n0.5,0.6,1\n");
        CliRun.Of("train", "--data", data, "--out", _folder.File("m.smlp"), "--metrics", _folder.File("m.json"))
            .FailsWithBadInput(data, "line 3", "'oops'");
        Assert.Equal(["bad.csv"], _folder.FileNames());
    }

    [Fact]
    public void Csv_line_with_a_missing_field_names_the_file_and_line()
    {
        string data = _folder.File("short.csv");
        File.WriteAllText(data, "0.1,0.2,0\n0.3,1\n");
        CliRun.Of("train", "--data", data, "--out", _folder.File("m.smlp")).FailsWithBadInput(data, "line 2");
    }

    [Fact]
    public void Missing_output_folder_fails_before_training()
    {
        string output = Path.Combine(_folder.Path, "no-such-folder", "m.smlp");
        CliRun.Of("train", "--data", "builtin", "--out", output).FailsWithBadInput("--out", "no-such-folder");
        Assert.Empty(_folder.FileNames());
    }

    [Fact]
    public void Test_file_with_idx_data_is_rejected() =>
        CliRun.Of("train", "--data", "builtin", "--test", _folder.File("t.csv")).FailsWithBadInput("--test");

    [Fact]
    public void Missing_model_is_named()
    {
        string model = _folder.File("absent.smlp");
        CliRun.Of("eval", "--model", model, "--data", "builtin").FailsWithBadInput(model, "does not exist");
    }

    [Fact]
    public void Damaged_model_is_named_by_eval_and_predict()
    {
        string model = TrainedModels.Csv(_folder);
        byte[] bytes = File.ReadAllBytes(model);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(model, bytes);
        string input = _folder.File("x.csv");
        TinyCsv.Write(input, 5, seed: 3, withLabel: false);
        string[] before = _folder.FileNames();

        CliRun.Of("eval", "--model", model, "--data", TrainedModels.CsvData(_folder)).FailsWithBadInput(model);
        CliRun.Of("predict", "--model", model, "--input", input, "--output", _folder.File("y.csv")).FailsWithBadInput(model);
        Assert.Equal(before, _folder.FileNames());
    }

    [Fact]
    public void Truncated_model_is_named()
    {
        string model = TrainedModels.Csv(_folder);
        byte[] bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length - 7)]);
        CliRun.Of("eval", "--model", model, "--data", TrainedModels.CsvData(_folder)).FailsWithBadInput(model);
    }

    [Fact]
    public void Image_size_that_does_not_match_the_model_is_named()
    {
        // A 4-feature model against 784-pixel images, and 784-pixel rows against a 4-feature model.
        string model = TrainedModels.Csv(_folder);
        CliRun.Of("eval", "--model", model, "--data", "builtin").FailsWithBadInput(model, "784", "4");

        string wide = _folder.File("wide.csv");
        File.WriteAllText(wide, string.Join(',', Enumerable.Repeat("0.5", 784)) + "\n");
        CliRun.Of("predict", "--model", model, "--input", wide, "--output", _folder.File("y.csv")).FailsWithBadInput(wide, "784", "4");
        Assert.False(File.Exists(_folder.File("y.csv")));
    }

    [Fact]
    public void Malformed_predict_input_leaves_no_output()
    {
        string model = TrainedModels.Csv(_folder);
        string input = _folder.File("x.csv");
        File.WriteAllText(input, "0.1,0.2,0.3,0.4\n0.1,0.2,zz,0.4\n");
        string output = _folder.File("y.csv");
        string[] before = _folder.FileNames();
        CliRun.Of("predict", "--model", model, "--input", input, "--output", output).FailsWithBadInput(input, "line 2", "column 3");
        Assert.Equal(before, _folder.FileNames());
    }

    [Fact]
    public void Predict_output_that_is_a_folder_is_named()
    {
        string model = TrainedModels.Csv(_folder);
        string input = _folder.File("x.csv");
        TinyCsv.Write(input, 3, seed: 4, withLabel: false);
        CliRun.Of("predict", "--model", model, "--input", input, "--output", _folder.Path).FailsWithBadInput("--output", "folder");
    }

    [Fact]
    public void Eval_labels_beyond_the_model_classes_are_named()
    {
        string model = TrainedModels.Csv(_folder);
        string data = _folder.File("more-classes.csv");
        File.WriteAllText(data, "0.1,0.2,0.3,0.4,7\n");
        CliRun.Of("eval", "--model", model, "--data", data).FailsWithBadInput(data, "7");
    }

    [Fact]
    public void Internal_error_is_exit_code_1_with_one_line()
    {
        var stderr = new StringWriter();
        int code = ErrorReport.Write(new InvalidOperationException("boom"), stderr, verbose: false);
        Assert.Equal(1, code);
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("boom", stderr.ToString(), StringComparison.Ordinal);
    }
}
