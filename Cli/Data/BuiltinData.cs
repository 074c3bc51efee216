using System.IO.Compression;
using SimdMlp.IO;

namespace SimdMlp.Cli.Data;

/// <summary>
/// The data set of <c>--data builtin</c>: 5,000 training and 1,000 test images of Fashion-MNIST (MIT licence),
/// embedded as gzip IDX files (Data/README.md; scripts/extract-builtin-data.py made them).
/// </summary>
internal static class BuiltinData
{
    /// <summary>The word that selects it on the command line.</summary>
    public const string Name = "builtin";

    public static DatasetSplit Load()
    {
        IdxImages trainImages = IdxReader.ReadImages(Open("train-images-idx3-ubyte.gz"), "builtin train images");
        int[] trainLabels = IdxReader.ReadLabels(Open("train-labels-idx1-ubyte.gz"), "builtin train labels");
        IdxImages testImages = IdxReader.ReadImages(Open("t10k-images-idx3-ubyte.gz"), "builtin test images");
        int[] testLabels = IdxReader.ReadLabels(Open("t10k-labels-idx1-ubyte.gz"), "builtin test labels");
        const int classes = 10;
        return new DatasetSplit(
            new Dataset(trainImages.Bytes, trainImages.PixelsPerImage, trainLabels, classes),
            new Dataset(testImages.Bytes, testImages.PixelsPerImage, testLabels, classes));
    }

    private static GZipStream Open(string file)
    {
        Stream resource = typeof(BuiltinData).Assembly.GetManifestResourceStream($"builtin/{file}")
            ?? throw new InvalidOperationException($"The built-in data file {file} is missing from the simdmlp assembly.");
        return new GZipStream(resource, CompressionMode.Decompress);
    }
}
