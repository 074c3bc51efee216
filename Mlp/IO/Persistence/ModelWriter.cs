using System.Buffers.Binary;

namespace SimdMlp.IO;

/// <summary>Writes a model in the layout of <see cref="ModelFormat"/>.</summary>
internal static class ModelWriter
{
    /// <summary>Floats converted per write: 64 KiB of bytes.</summary>
    private const int ChunkFloats = 1 << 14;

    public static void Write(MultiLayerPerceptron model, Stream stream)
    {
        byte[] header = ModelHeader.Encode(model.Definition);
        var crc = new Crc32();
        crc.Append(header);
        stream.Write(header);

        ReadOnlySpan<float> parameters = model.Parameters;
        byte[] chunk = new byte[4 * Math.Min(ChunkFloats, Math.Max(parameters.Length, 1))];
        while (!parameters.IsEmpty)
        {
            int n = Math.Min(ChunkFloats, parameters.Length);
            Span<byte> bytes = chunk.AsSpan(0, 4 * n);

            // Explicitly little-endian, so files move between machines; on little-endian hardware this is a plain copy.
            for (int i = 0; i < n; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes[(4 * i)..], parameters[i]);
            crc.Append(bytes);
            stream.Write(bytes);
            parameters = parameters[n..];
        }

        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc.Value);
        stream.Write(trailer);
    }
}
