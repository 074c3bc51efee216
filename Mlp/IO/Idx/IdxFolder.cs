namespace SimdMlp.IO;

/// <summary>
/// Loads an MNIST-style folder: <c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>,
/// <c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c>, each raw or with a <c>.gz</c> suffix (also the
/// <c>train-images.idx3-ubyte</c> spelling some mirrors use).
/// </summary>
public static class IdxFolder
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs Fashion-MNIST (the four files, gzip).</summary>
    public const string DebianFashionMnist = "/usr/share/datasets/fashion-mnist";

    /// <summary>Reads the training and test sets of an MNIST-style folder.</summary>
    /// <param name="folder">The folder holding the four files.</param>
    /// <returns>Both sets, with the same feature count and class count (largest label in either + 1).</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">One of the four files is missing; the message lists the names tried.</exception>
    /// <exception cref="InvalidDataException">A file is invalid, images and labels disagree in count, or train and test
    /// images differ in size.</exception>
    public static DatasetSplit Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The dataset folder {folder} does not exist.");

        string trainImagesPath = Find(folder, "train-images", "idx3");
        string trainLabelsPath = Find(folder, "train-labels", "idx1");
        string testImagesPath = Find(folder, "t10k-images", "idx3");
        string testLabelsPath = Find(folder, "t10k-labels", "idx1");

        IdxImages trainImages = IdxReader.ReadImages(trainImagesPath);
        int[] trainLabels = IdxReader.ReadLabels(trainLabelsPath);
        IdxImages testImages = IdxReader.ReadImages(testImagesPath);
        int[] testLabels = IdxReader.ReadLabels(testLabelsPath);
        if (testImages.Rows != trainImages.Rows || testImages.Columns != trainImages.Columns)
        {
            throw new InvalidDataException(
                $"{testImagesPath} holds {testImages.Rows}×{testImages.Columns} images but {trainImagesPath} holds {trainImages.Rows}×{trainImages.Columns}; they must be equal.");
        }

        int classCount = Math.Max(IdxReader.MaxLabel(trainLabels), IdxReader.MaxLabel(testLabels)) + 1;
        return new DatasetSplit(
            IdxReader.ToDataset(trainImages, trainImagesPath, trainLabels, trainLabelsPath, classCount),
            IdxReader.ToDataset(testImages, testImagesPath, testLabels, testLabelsPath, classCount));
    }

    /// <summary>The first existing spelling of a standard file name; raw before gzip.</summary>
    private static string Find(string folder, string stem, string kind)
    {
        string[] names =
        [
            $"{stem}-{kind}-ubyte", $"{stem}-{kind}-ubyte.gz", $"{stem}.{kind}-ubyte", $"{stem}.{kind}-ubyte.gz",
        ];
        foreach (string name in names)
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }

        throw new FileNotFoundException(
            $"{folder} has none of {string.Join(", ", names)}. (On Debian, `apt-get install dataset-fashion-mnist` installs Fashion-MNIST into {DebianFashionMnist}.)",
            Path.Combine(folder, names[0]));
    }
}
