using System.Buffers.Binary;
using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

/// <summary>
/// Damaged and foreign files: each must be rejected with an <see cref="InvalidDataException"/> (never another type)
/// naming the source, without allocating more than a small model's worth.
/// </summary>
public sealed class ModelFileCorruptionTests
{
    /// <summary>Far above what loading the 152-byte test model needs, far below any size a corrupt header could ask for.</summary>
    private const long AllocationBound = 256 * 1024;

    private static readonly byte[] s_valid = TestModels.Bytes(TestModels.Small());

    [Fact]
    public void Every_single_bit_flip_and_byte_inversion_is_rejected()
    {
        byte[] masks = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF];
        for (int offset = 0; offset < s_valid.Length; offset++)
        {
            foreach (byte mask in masks)
            {
                byte[] damaged = (byte[])s_valid.Clone();
                damaged[offset] ^= mask;
                AssertRejected(damaged, $"byte {offset} ^ 0x{mask:X2}");
            }
        }
    }

    [Fact]
    public void Every_single_byte_corruption_of_a_file_is_rejected_by_path()
    {
        using var folder = new TempFolder();
        string path = folder.File("damaged.smlp");
        for (int offset = 0; offset < s_valid.Length; offset++)
        {
            byte[] damaged = (byte[])s_valid.Clone();
            damaged[offset] ^= 0xFF;
            File.WriteAllBytes(path, damaged);
            var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
            Assert.StartsWith(path + ": byte offset ", e.Message);
        }
    }

    [Fact]
    public void Truncation_at_every_length_is_rejected()
    {
        using var folder = new TempFolder();
        string path = folder.File("short.smlp");
        for (int length = 0; length < s_valid.Length; length++)
        {
            byte[] truncated = s_valid[..length];
            AssertRejected(truncated, $"length {length}", "truncated");
            File.WriteAllBytes(path, truncated);
            var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("truncated", e.Message);
        }
    }

    [Fact]
    public void Trailing_data_after_a_file_is_rejected()
    {
        using var folder = new TempFolder();
        string path = folder.File("long.smlp");
        File.WriteAllBytes(path, [.. s_valid, 0]);

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

        Assert.Equal($"{path}: byte offset 152: the file has 153 bytes, but the header (3-4(LeakyRelu 0.2)-2(SigmoidBinaryCrossEntropy)) implies 152: unexpected data after the model.", e.Message);
    }

    [Fact]
    public void Wrong_magic_says_it_is_not_a_model_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("data.csv");
        File.WriteAllText(path, "x1,x2,label\n1,2,0\n");

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

        Assert.Equal($"{path}: byte offset 0: not a SimdMlp model file: the magic number is \"x1,x\", expected \"SMLP\".", e.Message);
    }

    [Fact]
    public void Binary_wrong_magic_is_shown_in_hex()
    {
        byte[] damaged = (byte[])s_valid.Clone();
        damaged[0] = 0x89;

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(damaged), "m"));

        Assert.Equal("m: byte offset 0: not a SimdMlp model file: the magic number is 894D4C50, expected \"SMLP\".", e.Message);
    }

    [Theory]
    [InlineData(2u, "format version 2 is newer than this build reads (version 1).")]
    [InlineData(0u, "format version 0 is invalid (this build reads version 1).")]
    public void Unsupported_version_is_named(uint version, string problem)
    {
        byte[] other = (byte[])s_valid.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(other.AsSpan(4), version);

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(other), "model.smlp"));

        Assert.Equal($"model.smlp: byte offset 4: {problem}", e.Message);
    }

    [Fact]
    public void Damaged_parameter_fails_the_file_checksum()
    {
        byte[] damaged = (byte[])s_valid.Clone();
        damaged[100] ^= 0x10;

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(damaged), "m"));

        Assert.StartsWith("m: byte offset 148: the file is damaged: its CRC-32 is 0x", e.Message);
    }

    [Fact]
    public void Damaged_layer_size_fails_the_header_checksum_before_any_allocation()
    {
        byte[] damaged = (byte[])s_valid.Clone();
        damaged[19] = 0x7F; // the input width becomes 0x7F000003

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(damaged), "m"));

        Assert.StartsWith("m: byte offset 40: the header is damaged: its CRC-32 is 0x", e.Message);
    }

    [Fact]
    public void Absurd_layer_count_is_rejected_before_reading_the_header()
    {
        byte[] damaged = (byte[])s_valid.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(12), 0x40000000);

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(damaged), "m"));

        Assert.Equal("m: byte offset 12: the layer count 1073741824 is outside [2, 1024].", e.Message);
    }

    [Fact]
    public void Crafted_header_declaring_a_huge_model_over_a_stream_of_unknown_length_allocates_little()
    {
        // A well-formed header (valid checksum) for 30000-30000: 900 million parameters, 3.6 GB, followed by nothing.
        // Unknown length: the array starts at 1 MiB and grows only with data actually read.
        byte[] header = ModelHeaderFor([30000, 30000]);
        AssertRejected(header, "crafted header", "truncated", allocationBound: 4 << 20);
    }

    /// <summary>Rejected through a seekable and a non-seekable stream, with a bounded allocation.</summary>
    private static void AssertRejected(byte[] bytes, string what, string? messagePart = null, long allocationBound = AllocationBound)
    {
        foreach (bool seekable in new[] { true, false })
        {
            Stream stream = seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Exception? thrown = Record.Exception(() => ModelFile.Load(stream, "source"));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            if (thrown is not InvalidDataException)
            {
                Assert.Fail($"{what} (seekable: {seekable}): expected InvalidDataException, got {thrown?.GetType().Name ?? "no exception"}: {thrown?.Message}");
            }

            Assert.StartsWith("source: ", thrown.Message);
            if (messagePart is not null) Assert.Contains(messagePart, thrown.Message);
            Assert.True(allocated < allocationBound, $"{what} (seekable: {seekable}): allocated {allocated} bytes.");
        }
    }

    private static byte[] ModelHeaderFor(int[] sizes)
    {
        var definition = new MlpDefinition(sizes, [], OutputHead.LinearSquaredError);
        return ModelHeader.Encode(definition);
    }
}
