using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

/// <summary>Saving writes a temporary file beside the target and renames it: a failed save leaves nothing behind.</summary>
public sealed class ModelFileAtomicSaveTests
{
    [Fact]
    public void Save_into_a_missing_folder_throws_and_creates_nothing()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "missing", "model.smlp");

        Assert.Throws<DirectoryNotFoundException>(() => ModelFile.Save(TestModels.Small(), path));

        Assert.Empty(folder.FileNames());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(44)]
    [InlineData(100)]
    [InlineData(151)]
    public void A_write_failing_part_way_keeps_the_old_file_and_removes_the_temporary(long failAfter)
    {
        using var folder = new TempFolder();
        string path = folder.File("model.smlp");
        MultiLayerPerceptron old = TestModels.WithDistinctParameters(new MlpDefinition([2, 2], [], OutputHead.LinearSquaredError));
        ModelFile.Save(old, path);

        var e = Assert.Throws<IOException>(() =>
            ModelFile.Save(TestModels.Small(), path, stream => new FailingWriteStream(stream, failAfter)));

        Assert.Contains("Simulated failure", e.Message);
        Assert.Equal(["model.smlp"], folder.FileNames());
        TestModels.AssertIdentical(old, ModelFile.Load(path));
    }

    [Fact]
    public void A_failing_first_save_leaves_no_file_at_all()
    {
        using var folder = new TempFolder();

        Assert.Throws<IOException>(() =>
            ModelFile.Save(TestModels.Small(), folder.File("model.smlp"), stream => new FailingWriteStream(stream, 60)));

        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void A_failing_rename_removes_the_temporary()
    {
        using var folder = new TempFolder();
        string path = folder.File("model.smlp");
        Directory.CreateDirectory(path); // the rename cannot replace a folder

        Exception? e = Record.Exception(() => ModelFile.Save(TestModels.Small(), path));

        Assert.True(e is IOException or UnauthorizedAccessException, $"unexpected {e?.GetType().Name}: {e?.Message}");
        Assert.Equal(["model.smlp"], folder.FileNames());
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void Relative_paths_save_beside_the_target()
    {
        using var folder = new TempFolder();
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, folder.File("rel.smlp"));

        ModelFile.Save(TestModels.Small(), relative);

        Assert.Equal(["rel.smlp"], folder.FileNames());
    }
}
