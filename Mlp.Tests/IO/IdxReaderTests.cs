using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

public sealed class IdxReaderTests
{
    /// <summary>Far below what any of the corrupt headers below declare (≥ 784 MB).</summary>
    private const long AllocationBound = 512 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Images_are_read_row_major_and_scaled_to_unit_range(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] raw = IdxBytes.Images(3, 2, 5);
        string path = folder.File("images");
        File.WriteAllBytes(path, gzip ? IdxBytes.Gzip(raw) : raw);

        IdxImages images = IdxReader.ReadImages(path);

        Assert.Equal((3, 2, 5, 10), (images.Count, images.Rows, images.Columns, images.PixelsPerImage));
        Assert.Equal(raw[16..], images.Bytes);
        Assert.Equal(raw[16..].Select(b => b / 255f), images.Pixels);
        Assert.Same(images.Pixels, images.Pixels);
        Assert.Equal(0f, images.Pixels[0]);
        Assert.Equal(1f, IdxReader.ReadImages(new MemoryStream([.. IdxBytes.Header(8, 1, 1, 1), 255]), "s").Pixels[0]);
    }

    [Fact]
    public void Every_byte_value_scales_exactly_in_vector_and_scalar_paths()
    {
        // 771 pixels: all 256 values (7 is coprime to 256) through whole vectors, plus a scalar tail.
        byte[] raw = IdxBytes.Images(1, 3, 257);

        IdxImages images = IdxReader.ReadImages(new MemoryStream(raw), "s");

        Assert.Equal(TestModels.Bits(raw[16..].Select(b => b / 255f).ToArray()), TestModels.Bits(images.Pixels));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Labels_are_read(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] raw = IdxBytes.Labels(3, 0, 9, 255);
        string path = folder.File("labels.gz"); // the name does not decide: the content does
        File.WriteAllBytes(path, gzip ? IdxBytes.Gzip(raw) : raw);

        Assert.Equal([3, 0, 9, 255], IdxReader.ReadLabels(path));
    }

    [Fact]
    public void Streams_of_unknown_length_read_like_files()
    {
        byte[] raw = IdxBytes.Images(4, 3, 3);
        IdxImages images = IdxReader.ReadImages(new NonSeekableStream(raw), "pipe");
        Assert.Equal(raw[16..].Select(b => b / 255f), images.Pixels);
        Assert.Equal([1, 2], IdxReader.ReadLabels(new NonSeekableStream(IdxBytes.Labels(1, 2)), "pipe"));
    }

    [Fact]
    public void Count_above_int_range_is_rejected_naming_file_and_offset()
    {
        byte[] data = [.. IdxBytes.Header(8, 0x80000000u, 28, 28), 1, 2, 3];
        AssertRejectedEverywhere(data, "byte offset 4: IDX dimension 0 is 2147483648, more than any array can hold.");
    }

    [Fact]
    public void Sizes_whose_product_overflows_an_array_are_rejected_before_allocating()
    {
        // 3,000,000 × 28 × 28 = 2.35 billion: each size fits an int, the product does not fit an array.
        byte[] data = [.. IdxBytes.Header(8, 3_000_000, 28, 28), 1, 2, 3];
        AssertRejectedEverywhere(data, "byte offset 12: the IDX header declares 3000000 × 28 × 28… elements, more than one array can hold");
    }

    [Fact]
    public void Count_larger_than_the_file_is_rejected_before_allocating()
    {
        // 1,000,000 × 28 × 28 = 784 MB: a valid array size, but the file holds 3 bytes of data.
        byte[] data = [.. IdxBytes.Header(8, 1_000_000, 28, 28), 1, 2, 3];
        using var folder = new TempFolder();
        string raw = folder.File("raw"), gz = folder.File("gz");
        File.WriteAllBytes(raw, data);
        File.WriteAllBytes(gz, IdxBytes.Gzip(data));

        AssertRejected(() => IdxReader.ReadImages(raw),
            $"{raw}: byte offset 19: the file is truncated: the header declares 1000000 × 28 × 28 = 784000000 bytes of images, but only 3 follow the header.");
        AssertRejected(() => IdxReader.ReadImages(gz), $"{gz} (gzip; byte offsets are into the decompressed data): byte offset 4: corrupt header");
        AssertRejected(() => IdxReader.ReadImages(new NonSeekableStream(data), "pipe"),
            "pipe: byte offset 19: the file is truncated: the header declares 1000000 × 28 × 28 = 784000000 bytes of images, but it ends after 3.",
            allocationBound: 4 << 20); // unknown length: the buffer starts at 1 MiB and grows only with the data
    }

    [Fact]
    public void Truncated_data_names_the_offset_where_it_ends()
    {
        byte[] data = IdxBytes.Images(2, 3, 3)[..^4];
        AssertRejectedEverywhere(data, "byte offset 30: the file is truncated: the header declares 2 × 3 × 3 = 18 bytes of images, but ");
    }

    [Fact]
    public void Truncation_at_every_length_is_rejected()
    {
        byte[] images = IdxBytes.Images(2, 2, 2), labels = IdxBytes.Labels(1, 2, 3);
        for (int length = 0; length < images.Length; length++)
        {
            AssertRejected(() => IdxReader.ReadImages(new MemoryStream(images[..length]), "s"), "s: byte offset ");
        }

        for (int length = 0; length < labels.Length; length++)
        {
            AssertRejected(() => IdxReader.ReadLabels(new NonSeekableStream(labels[..length]), "s"), "s: byte offset ");
        }
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        byte[] data = [.. IdxBytes.Labels(1, 2), 0];
        AssertRejected(() => IdxReader.ReadLabels(new MemoryStream(data), "s"),
            "s: byte offset 10: 1 unexpected bytes after the data: the header declares 2 = 2 bytes of labels.");
        AssertRejected(() => IdxReader.ReadLabels(new NonSeekableStream(data), "s"),
            "s: byte offset 10: unexpected bytes after the data: the header declares 2 = 2 bytes of labels.");
    }

    [Fact]
    public void Labels_file_read_as_images_names_both_magic_numbers()
    {
        AssertRejected(() => IdxReader.ReadImages(new MemoryStream(IdxBytes.Labels(1, 2)), "s"),
            "s: byte offset 3: the IDX header declares 1 dimensions, but images have 3 (magic 0x00000801, expected 0x00000803).");
    }

    [Fact]
    public void Non_idx_and_non_byte_files_are_rejected()
    {
        AssertRejected(() => IdxReader.ReadLabels(new MemoryStream("label\n1\n"u8.ToArray()), "s"),
            "s: byte offset 0: not an IDX file: magic number 0x6C616265, expected 0x00000801 for labels.");
        AssertRejected(() => IdxReader.ReadLabels(new MemoryStream([.. IdxBytes.Header(0x0D, 1), 0, 0, 0, 0]), "s"),
            "s: byte offset 2: IDX element type 0x0D is not supported");
        AssertRejected(() => IdxReader.ReadLabels(new MemoryStream([0, 0]), "s"), "s: byte offset 2: the file ends inside the 4-byte IDX magic number");
    }

    [Fact]
    public void Corrupt_gzip_data_is_an_invalid_data_error_naming_the_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("labels.gz");
        byte[] gzip = IdxBytes.Gzip(IdxBytes.Labels(1, 2, 3));
        gzip.AsSpan(10).Fill(0xFF); // deflate block type 3 does not exist
        File.WriteAllBytes(path, gzip);

        AssertRejected(() => IdxReader.ReadLabels(path), $"{path} (gzip; byte offsets are into the decompressed data): byte offset 0: corrupt gzip data: ");
    }

    [Fact]
    public void Truncated_gzip_file_is_rejected_naming_the_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("images.gz");
        byte[] gzip = IdxBytes.Gzip(IdxBytes.Images(20, 10, 10));
        File.WriteAllBytes(path, gzip[..(gzip.Length / 2)]);

        AssertRejected(() => IdxReader.ReadImages(path), $"{path} (gzip; byte offsets are into the decompressed data): byte offset ");
    }

    [Fact]
    public void Dataset_pairs_images_with_labels()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("i"), IdxBytes.Images(3, 2, 2));
        File.WriteAllBytes(folder.File("l"), IdxBytes.Labels(0, 4, 2));

        Dataset data = IdxReader.ReadDataset(folder.File("i"), folder.File("l"));

        Assert.Equal((3, 4, 5), (data.Count, data.FeatureCount, data.ClassCount));
        Assert.Equal([0, 4, 2], data.Labels);
        Assert.Equal(IdxBytes.Images(3, 2, 2)[^4..].Select(b => b / 255f), data.Row(2).ToArray());
        // The set keeps the file's bytes, so training gathers bytes (a quarter of the memory) rather than floats.
        Assert.Equal(IdxBytes.Images(3, 2, 2)[16..], data.ByteFeatures);
        Assert.True(data.ToSampleSet().HasByteInputs);
        Assert.Equal(10, IdxReader.ReadDataset(folder.File("i"), folder.File("l"), classCount: 10).ClassCount);
    }

    [Fact]
    public void Image_and_label_counts_must_agree()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("i"), IdxBytes.Images(3, 2, 2));
        File.WriteAllBytes(folder.File("l"), IdxBytes.Labels(0, 1));

        AssertRejected(() => IdxReader.ReadDataset(folder.File("i"), folder.File("l")),
            $"{folder.File("i")} holds 3 images but {folder.File("l")} holds 2 labels; they must be equal.");
    }

    [Fact]
    public void Label_at_or_above_the_class_count_is_rejected()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("i"), IdxBytes.Images(2, 1, 1));
        File.WriteAllBytes(folder.File("l"), IdxBytes.Labels(0, 10));

        AssertRejected(() => IdxReader.ReadDataset(folder.File("i"), folder.File("l"), classCount: 10),
            $"{folder.File("l")}: byte offset 9: label 10 of sample 1 is not below the class count 10.");
    }

    /// <summary>Rejected as a raw file, a gzip file, and a stream of unknown length, with the given message tail.</summary>
    private static void AssertRejectedEverywhere(byte[] data, string problem)
    {
        using var folder = new TempFolder();
        string raw = folder.File("raw"), gz = folder.File("gz");
        File.WriteAllBytes(raw, data);
        File.WriteAllBytes(gz, IdxBytes.Gzip(data));
        AssertRejected(() => IdxReader.ReadImages(raw), $"{raw}: {problem}");
        AssertRejected(() => IdxReader.ReadImages(gz), $"{gz} (gzip; byte offsets are into the decompressed data): {problem}");
        AssertRejected(() => IdxReader.ReadImages(new NonSeekableStream(data), "pipe"), $"pipe: {problem}", allocationBound: 4 << 20);
    }

    /// <summary>Throws <see cref="InvalidDataException"/> whose message starts with <paramref name="messageStart"/>, allocating little.</summary>
    private static void AssertRejected(Action read, string messageStart, long allocationBound = AllocationBound)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Exception? thrown = Record.Exception(read);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (thrown is not InvalidDataException)
        {
            Assert.Fail($"expected InvalidDataException, got {thrown?.GetType().Name ?? "no exception"}: {thrown?.Message}");
        }

        Assert.StartsWith(messageStart, thrown.Message);
        Assert.True(allocated < allocationBound, $"allocated {allocated} bytes: {thrown.Message}");
    }
}
