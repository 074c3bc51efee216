using System.Buffers.Binary;
using System.IO.Compression;

namespace SimdMlp.Tests.IO;

/// <summary>Builds IDX files byte by byte, so the reader is tested against the format, not against itself.</summary>
internal static class IdxBytes
{
    /// <summary>A header: 0, 0, <paramref name="type"/>, the dimension count, then each size big-endian.</summary>
    public static byte[] Header(byte type, params uint[] sizes)
    {
        var header = new byte[4 + (4 * sizes.Length)];
        header[2] = type;
        header[3] = (byte)sizes.Length;
        for (int i = 0; i < sizes.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + (4 * i)), sizes[i]);
        return header;
    }

    /// <summary>An images file whose pixel i is (i · 7) mod 256.</summary>
    public static byte[] Images(int count, int rows, int columns) =>
        [.. Header(0x08, (uint)count, (uint)rows, (uint)columns), .. Enumerable.Range(0, count * rows * columns).Select(i => (byte)(i * 7))];

    /// <summary>A labels file.</summary>
    public static byte[] Labels(params byte[] labels) => [.. Header(0x08, (uint)labels.Length), .. labels];

    /// <summary><paramref name="raw"/> gzip-compressed.</summary>
    public static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(raw);
        return output.ToArray();
    }
}
