using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

/// <summary>
/// The real Fashion-MNIST, as Debian's <c>dataset-fashion-mnist</c> installs it (four gzip IDX files in
/// <see cref="IdxFolder.DebianFashionMnist"/>; SIMDMLP_FASHION_MNIST_DIR overrides the folder). CI installs the
/// package, so a missing folder fails with the command to run rather than skipping.
/// </summary>
public sealed class FashionMnistTests
{
    [Fact]
    public void Installed_Fashion_MNIST_has_the_published_shape()
    {
        string folder = Environment.GetEnvironmentVariable("SIMDMLP_FASHION_MNIST_DIR") is { Length: > 0 } dir
            ? dir
            : IdxFolder.DebianFashionMnist;
        Assert.True(Directory.Exists(folder),
            $"Fashion-MNIST is not installed in {folder}. Install it with `sudo apt-get install -y dataset-fashion-mnist` "
            + "(Debian), or point SIMDMLP_FASHION_MNIST_DIR at a folder holding the four IDX files.");

        DatasetSplit split = IdxFolder.Load(folder);

        Assert.Equal((60000, 784, 10), (split.Train.Count, split.Train.FeatureCount, split.Train.ClassCount));
        Assert.Equal((10000, 784, 10), (split.Test.Count, split.Test.FeatureCount, split.Test.ClassCount));

        // Both splits are balanced: 6000 and 1000 samples per class.
        Assert.All(split.Train.Labels.CountBy(l => l), c => Assert.Equal(6000, c.Value));
        Assert.All(split.Test.Labels.CountBy(l => l), c => Assert.Equal(1000, c.Value));
        (float min, float max) = (float.MaxValue, float.MinValue);
        foreach (float pixel in split.Train.Features) (min, max) = (Math.Min(min, pixel), Math.Max(max, pixel));
        Assert.Equal((0f, 1f), (min, max));
    }
}
