namespace SimdMlp.IO;

/// <summary>
/// Reads IDX files (the MNIST and Fashion-MNIST format) of unsigned bytes: images (magic 0x00000803,
/// [count, rows, columns]) and labels (magic 0x00000801, [count]). Files may be raw or gzip-compressed; gzip is
/// recognised by its content (bytes 1F 8B), not by the name.
/// </summary>
/// <remarks>
/// Every problem is an <see cref="InvalidDataException"/> naming the file and byte offset (in the decompressed data
/// for gzip). Sizes come from the header, which is checked before anything is allocated: against the file's length
/// for raw files, against what a gzip file of that size can decompress to for gzip, and for other streams the buffer
/// grows with the data actually read. Trailing bytes after the declared data are an error too.
/// </remarks>
public static class IdxReader
{
    /// <summary>Deflate cannot expand data more than 1032-fold, so a gzip file bounds its decompressed size.</summary>
    private const long MaxDeflateRatio = 1032;

    /// <summary>Reads an images file (magic 0x00000803), raw or gzip.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The images, pixels scaled to [0, 1].</returns>
    /// <exception cref="InvalidDataException">The file is not a valid IDX images file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IdxImages ReadImages(string path) => WithFile(path, ReadImagesCore);

    /// <summary>Reads uncompressed IDX images from a stream (wrap a gzip stream in <see cref="System.IO.Compression.GZipStream"/>).</summary>
    /// <param name="stream">The source, positioned at the magic number; read to its end.</param>
    /// <param name="sourceName">Names the source in error messages.</param>
    /// <returns>The images, pixels scaled to [0, 1].</returns>
    /// <exception cref="InvalidDataException">The data is not a valid IDX images file.</exception>
    public static IdxImages ReadImages(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ReadImagesCore(stream, sourceName, BoundedRead.Remaining(stream), null);
    }

    /// <summary>Reads a labels file (magic 0x00000801), raw or gzip.</summary>
    /// <param name="path">The file.</param>
    /// <returns>One label (0–255) per sample.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid IDX labels file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static int[] ReadLabels(string path) => WithFile(path, ReadLabelsCore);

    /// <summary>Reads uncompressed IDX labels from a stream (wrap a gzip stream in <see cref="System.IO.Compression.GZipStream"/>).</summary>
    /// <param name="stream">The source, positioned at the magic number; read to its end.</param>
    /// <param name="sourceName">Names the source in error messages.</param>
    /// <returns>One label (0–255) per sample.</returns>
    /// <exception cref="InvalidDataException">The data is not a valid IDX labels file.</exception>
    public static int[] ReadLabels(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ReadLabelsCore(stream, sourceName, BoundedRead.Remaining(stream), null);
    }

    /// <summary>Reads an images file and its labels file as one classification dataset.</summary>
    /// <param name="imagesPath">The images file.</param>
    /// <param name="labelsPath">The labels file, with as many samples.</param>
    /// <param name="classCount">The number of classes, or 0 for the largest label + 1.</param>
    /// <returns>Features = pixels in [0, 1] (rows · columns per sample), labels as class indices.</returns>
    /// <exception cref="InvalidDataException">A file is invalid, the counts differ or a label is ≥ <paramref name="classCount"/>.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static Dataset ReadDataset(string imagesPath, string labelsPath, int classCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classCount);
        IdxImages images = ReadImages(imagesPath);
        int[] labels = ReadLabels(labelsPath);
        return ToDataset(images, imagesPath, labels, labelsPath, classCount == 0 ? MaxLabel(labels) + 1 : classCount);
    }

    /// <summary>Pairs images with labels, checking that the counts agree and every label is a valid class.</summary>
    internal static Dataset ToDataset(IdxImages images, string imagesSource, int[] labels, string labelsSource, int classCount)
    {
        if (images.Count != labels.Length)
        {
            throw new InvalidDataException(
                $"{imagesSource} holds {images.Count} images but {labelsSource} holds {labels.Length} labels; they must be equal.");
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classCount)
            {
                // Labels are one byte each, after the 8-byte header.
                throw DataErrors.AtOffset(labelsSource, 8 + i, $"label {labels[i]} of sample {i} is not below the class count {classCount}.");
            }
        }

        return new Dataset(images.Bytes, images.PixelsPerImage, labels, Math.Max(classCount, 1));
    }

    /// <summary>The largest label, or 0 when there are none.</summary>
    internal static int MaxLabel(int[] labels)
    {
        int max = 0;
        foreach (int label in labels) max = Math.Max(max, label);
        return max;
    }

    private static IdxImages ReadImagesCore(Stream stream, string source, long? available, long? upperBound)
    {
        (IdxHeader header, byte[] data) = ReadAll(stream, source, 3, "images", available, upperBound);
        int[] d = header.Dimensions;
        return new IdxImages(data, d[0], d[1], d[2]);
    }

    private static int[] ReadLabelsCore(Stream stream, string source, long? available, long? upperBound)
    {
        (_, byte[] data) = ReadAll(stream, source, 1, "labels", available, upperBound);
        var labels = new int[data.Length];
        for (int i = 0; i < data.Length; i++) labels[i] = data[i];
        return labels;
    }

    /// <summary>Reads the header and exactly the data it declares, then checks that nothing follows.</summary>
    private static (IdxHeader Header, byte[] Data) ReadAll(
        Stream stream, string source, int dimensionCount, string what, long? available, long? upperBound)
    {
        var header = IdxHeader.Read(stream, source, dimensionCount, what);
        int count = header.ElementCount;
        string declared = $"the header declares {string.Join(" × ", header.Dimensions)} = {count} bytes of {what}";
        if (available - header.Length is long after && after != count)
        {
            throw after < count
                ? DataErrors.AtOffset(source, header.Length + after, $"the file is truncated: {declared}, but only {after} follow the header.")
                : DataErrors.AtOffset(source, header.Length + count, $"{after - count} unexpected bytes after the data: {declared}.");
        }

        if (upperBound is long bound && header.Length + (long)count > bound)
        {
            throw DataErrors.AtOffset(source, 4,
                $"corrupt header: {declared}, more than this gzip file can decompress to (at most {bound} bytes).");
        }

        byte[] data = BoundedRead.UpTo(stream, count, available - header.Length, out int read);
        if (read < count)
        {
            throw DataErrors.AtOffset(source, header.Length + read, $"the file is truncated: {declared}, but it ends after {read}.");
        }

        if (stream.ReadByte() >= 0)
        {
            throw DataErrors.AtOffset(source, header.Length + count, $"unexpected bytes after the data: {declared}.");
        }

        return (header, data);
    }

    /// <summary>Opens a raw or gzip file and passes the IDX bytes with what bounds their length.</summary>
    private static T WithFile<T>(string path, Func<Stream, string, long?, long?, T> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> signature = stackalloc byte[2];
        int got = BoundedRead.Fill(file, signature);
        file.Position = 0;
        if (got == 2 && signature[0] == 0x1F && signature[1] == 0x8B)
        {
            string source = $"{path} (gzip; byte offsets are into the decompressed data)";
            using var gzip = new GzipErrorStream(file, source);
            return read(gzip, source, null, file.Length * MaxDeflateRatio);
        }

        return read(file, path, file.Length, null);
    }
}
