using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

public sealed class IdxFolderTests
{
    [Theory]
    [InlineData("{0}-{1}-ubyte.gz", true)]
    [InlineData("{0}-{1}-ubyte", false)]
    [InlineData("{0}.{1}-ubyte", false)]
    public void Standard_names_load_as_train_and_test(string pattern, bool gzip)
    {
        using var folder = new TempFolder();
        void Write(string stem, string kind, byte[] raw) =>
            File.WriteAllBytes(folder.File(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, stem, kind)), gzip ? IdxBytes.Gzip(raw) : raw);
        Write("train-images", "idx3", IdxBytes.Images(4, 2, 3));
        Write("train-labels", "idx1", IdxBytes.Labels(0, 1, 2, 1));
        Write("t10k-images", "idx3", IdxBytes.Images(2, 2, 3));
        Write("t10k-labels", "idx1", IdxBytes.Labels(5, 0));

        DatasetSplit split = IdxFolder.Load(folder.Path);

        Assert.Equal((4, 6, 6), (split.Train.Count, split.Train.FeatureCount, split.Train.ClassCount));
        Assert.Equal((2, 6, 6), (split.Test.Count, split.Test.FeatureCount, split.Test.ClassCount));
        Assert.Equal([5, 0], split.Test.Labels);
    }

    [Fact]
    public void Missing_file_lists_the_names_tried()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.Images(1, 1, 1));

        var e = Assert.Throws<FileNotFoundException>(() => IdxFolder.Load(folder.Path));

        Assert.StartsWith($"{folder.Path} has none of train-labels-idx1-ubyte, train-labels-idx1-ubyte.gz, ", e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Missing_folder_is_named()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => IdxFolder.Load("/nonexistent/simdmlp"));
        Assert.Contains("/nonexistent/simdmlp", e.Message);
    }

    [Fact]
    public void Train_and_test_images_must_have_the_same_size()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), IdxBytes.Images(1, 2, 2));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), IdxBytes.Labels(0));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte"), IdxBytes.Images(1, 2, 3));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte"), IdxBytes.Labels(0));

        var e = Assert.Throws<InvalidDataException>(() => IdxFolder.Load(folder.Path));

        Assert.Contains("holds 2×3 images but", e.Message);
    }
}
