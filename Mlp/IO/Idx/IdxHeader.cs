using System.Buffers.Binary;

namespace SimdMlp.IO;

/// <summary>
/// The header of an IDX file (the MNIST format): bytes 0–1 zero, byte 2 the element type (0x08 = unsigned byte),
/// byte 3 the number of dimensions d, then d big-endian 32-bit sizes; the elements follow, row-major.
/// </summary>
internal readonly struct IdxHeader
{
    /// <summary>Element type code of unsigned bytes, the only one MNIST-style data uses.</summary>
    public const byte UnsignedByteType = 0x08;

    private IdxHeader(int[] dimensions, int elementCount)
    {
        Dimensions = dimensions;
        ElementCount = elementCount;
    }

    /// <summary>The sizes, outermost (the sample count) first.</summary>
    public int[] Dimensions { get; }

    /// <summary>The product of <see cref="Dimensions"/>: how many data bytes follow the header.</summary>
    public int ElementCount { get; }

    /// <summary>The header's length in bytes: 4 + 4 · dimensions.</summary>
    public int Length => 4 + (4 * Dimensions.Length);

    /// <summary>Reads and checks a header with <paramref name="dimensionCount"/> dimensions of unsigned bytes.</summary>
    /// <param name="stream">The source, at offset 0 of the IDX data.</param>
    /// <param name="source">Names the source in errors.</param>
    /// <param name="dimensionCount">The expected number of dimensions (3 for images, 1 for labels).</param>
    /// <param name="what">What the file should hold, for errors ("images", "labels").</param>
    /// <exception cref="InvalidDataException">The header is truncated or not what is expected, or declares more
    /// data than one array can hold.</exception>
    public static IdxHeader Read(Stream stream, string source, int dimensionCount, string what)
    {
        uint expectedMagic = 0x0800u | (uint)dimensionCount;
        Span<byte> magic = stackalloc byte[4];
        int got = BoundedRead.Fill(stream, magic);
        if (got < 4)
        {
            throw DataErrors.AtOffset(source, got, $"the file ends inside the 4-byte IDX magic number (expected 0x{expectedMagic:X8} for {what}).");
        }

        uint actualMagic = BinaryPrimitives.ReadUInt32BigEndian(magic);
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw DataErrors.AtOffset(source, 0, $"not an IDX file: magic number 0x{actualMagic:X8}, expected 0x{expectedMagic:X8} for {what}.");
        }

        if (magic[2] != UnsignedByteType)
        {
            throw DataErrors.AtOffset(source, 2,
                $"IDX element type 0x{magic[2]:X2} is not supported: only unsigned bytes (0x08; magic 0x{expectedMagic:X8} for {what}).");
        }

        if (magic[3] != dimensionCount)
        {
            throw DataErrors.AtOffset(source, 3,
                $"the IDX header declares {magic[3]} dimensions, but {what} have {dimensionCount} (magic 0x{actualMagic:X8}, expected 0x{expectedMagic:X8}).");
        }

        Span<byte> sizes = stackalloc byte[4 * dimensionCount];
        got = BoundedRead.Fill(stream, sizes);
        if (got < sizes.Length)
        {
            throw DataErrors.AtOffset(source, 4 + got, $"the file ends inside the IDX header ({4 + sizes.Length} bytes for {what}).");
        }

        var dimensions = new int[dimensionCount];
        long elements = 1;
        for (int d = 0; d < dimensionCount; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(sizes[(4 * d)..]);
            if (size > int.MaxValue)
            {
                throw DataErrors.AtOffset(source, 4 + (4 * d), $"IDX dimension {d} is {size}, more than any array can hold.");
            }

            dimensions[d] = (int)size;

            // Checked after every factor, so the product can neither overflow nor pass unnoticed.
            elements *= size;
            if (elements > Array.MaxLength)
            {
                throw DataErrors.AtOffset(source, 4 + (4 * d),
                    $"the IDX header declares {string.Join(" × ", dimensions[..(d + 1)])}… elements, more than one array can hold ({Array.MaxLength}).");
            }
        }

        return new IdxHeader(dimensions, (int)elements);
    }
}
