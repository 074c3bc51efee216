using System.Buffers.Binary;

namespace SimdMlp.IO;

/// <summary>
/// Reads a model in the layout of <see cref="ModelFormat"/>, checking each part before trusting it: magic, version
/// and layer count, then the header's checksum and fields, the length, and last the checksum of the whole file.
/// </summary>
internal static class ModelReader
{
    /// <summary>Bytes read and checksummed per step of the payload.</summary>
    private const int ChunkBytes = 1 << 16;

    /// <summary>The first parameter array when the source's length is unknown (1 MiB); it doubles as data arrives.</summary>
    private const int InitialFloats = 1 << 18;

    /// <param name="stream">The source, positioned at the magic number.</param>
    /// <param name="source">Names the source in errors.</param>
    /// <param name="wholeStream">True if the model must end the stream (a file); false to stop right after it.</param>
    public static MultiLayerPerceptron Read(Stream stream, string source, bool wholeStream)
    {
        long? available = BoundedRead.Remaining(stream);
        var crc = new Crc32();

        Span<byte> prefix = stackalloc byte[ModelFormat.PrefixLength];
        ReadExactly(stream, prefix, 0, source, "the header");
        int headerLength = ModelHeader.CheckPrefix(prefix, source);

        // At most 12 KiB: the layer count is bounded by now.
        var header = new byte[headerLength];
        prefix.CopyTo(header);
        ReadExactly(stream, header.AsSpan(ModelFormat.PrefixLength), ModelFormat.PrefixLength, source, "the header");
        MlpDefinition definition = ModelHeader.Decode(header, source);
        crc.Append(header);

        int count = definition.ParameterCount;
        long expected = ModelFormat.FileLength(headerLength, count);
        if (available is long length && (length < expected || (wholeStream && length > expected)))
        {
            throw DataErrors.AtOffset(source, Math.Min(length, expected), length < expected
                ? $"the file is truncated: it has {length} bytes, but the header ({definition}) implies {expected}."
                : $"the file has {length} bytes, but the header ({definition}) implies {expected}: unexpected data after the model.");
        }

        // The length check above makes the count safe to allocate. A stream of unknown length only has the header's
        // checksum, which guards against damage, not against a crafted header: there the array grows with the data.
        float[] parameters = GC.AllocateUninitializedArray<float>(available is null ? Math.Min(count, InitialFloats) : count);
        byte[] chunk = new byte[Math.Min(ChunkBytes, (4L * count) + 4)];
        long offset = headerLength;
        for (int done = 0; done < count;)
        {
            int n = Math.Min(chunk.Length / 4, count - done);
            Span<byte> bytes = chunk.AsSpan(0, 4 * n);
            ReadExactly(stream, bytes, offset, source, $"the {count} parameters");
            crc.Append(bytes);
            if (done + n > parameters.Length) Array.Resize(ref parameters, (int)Math.Min(count, 2L * parameters.Length));
            for (int i = 0; i < n; i++) parameters[done + i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
            done += n;
            offset += bytes.Length;
        }

        Span<byte> trailer = stackalloc byte[4];
        ReadExactly(stream, trailer, offset, source, "the checksum");
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if (stored != crc.Value)
        {
            throw DataErrors.AtOffset(source, offset,
                $"the file is damaged: its CRC-32 is 0x{crc.Value:X8}, but the file records 0x{stored:X8}.");
        }

        if (wholeStream && stream.ReadByte() >= 0)
        {
            throw DataErrors.AtOffset(source, offset + 4, "unexpected data after the model.");
        }

        return new MultiLayerPerceptron(definition, parameters);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, long offset, string source, string what)
    {
        int got = BoundedRead.Fill(stream, buffer);
        if (got < buffer.Length)
        {
            throw DataErrors.AtOffset(source, offset + got, $"the file is truncated: it ends inside {what}.");
        }
    }
}
