using System.Buffers.Binary;
using SimdMlp.Kernels;

namespace SimdMlp.IO;

/// <summary>Encodes and decodes the header of a model file (layout in <see cref="ModelFormat"/>).</summary>
internal static class ModelHeader
{
    /// <summary>The complete header of <paramref name="definition"/>, its checksum included.</summary>
    public static byte[] Encode(MlpDefinition definition)
    {
        IReadOnlyList<int> sizes = definition.LayerSizes;
        var header = new byte[ModelFormat.HeaderLength(sizes.Count)];
        Span<byte> at = header;
        BinaryPrimitives.WriteUInt32LittleEndian(at, ModelFormat.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], ModelFormat.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], (uint)definition.Head);
        BinaryPrimitives.WriteUInt32LittleEndian(at[12..], (uint)sizes.Count);
        at = at[ModelFormat.PrefixLength..];
        foreach (int size in sizes)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)size);
            at = at[4..];
        }

        foreach (ActivationFunction f in definition.HiddenActivations)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)f.Kind);
            BinaryPrimitives.WriteSingleLittleEndian(at[4..], f.LeakySlope);
            at = at[8..];
        }

        BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)definition.ParameterCount);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], Crc32.Compute(header.AsSpan(0, header.Length - 4)));
        return header;
    }

    /// <summary>
    /// Checks the fixed prefix (magic, version, N) and returns the header's full length, before anything sized by
    /// the file is allocated.
    /// </summary>
    public static int CheckPrefix(ReadOnlySpan<byte> prefix, string source)
    {
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        if (magic != ModelFormat.Magic)
        {
            throw DataErrors.AtOffset(source, 0,
                $"not a SimdMlp model file: the magic number is {Printable(prefix[..4])}, expected \"SMLP\".");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(prefix[4..]);
        if (version != ModelFormat.Version)
        {
            throw DataErrors.AtOffset(source, 4, version > ModelFormat.Version
                ? $"format version {version} is newer than this build reads (version {ModelFormat.Version})."
                : $"format version {version} is invalid (this build reads version {ModelFormat.Version}).");
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(prefix[12..]);
        if (count is < 2 or > ModelFormat.MaxLayerSizes)
        {
            throw DataErrors.AtOffset(source, 12, $"the layer count {count} is outside [2, {ModelFormat.MaxLayerSizes}].");
        }

        return ModelFormat.HeaderLength((int)count);
    }

    /// <summary>
    /// Checks a complete header (checksum first, then every field) and returns the definition it describes.
    /// Only <see cref="InvalidDataException"/> escapes.
    /// </summary>
    public static MlpDefinition Decode(ReadOnlySpan<byte> header, string source)
    {
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(header[^4..]);
        uint actual = Crc32.Compute(header[..^4]);
        if (stored != actual)
        {
            throw DataErrors.AtOffset(source, header.Length - 4,
                $"the header is damaged: its CRC-32 is 0x{actual:X8}, but the file records 0x{stored:X8}.");
        }

        uint head = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (!Enum.IsDefined((OutputHead)head))
        {
            throw DataErrors.AtOffset(source, 8, $"unknown output head {head}.");
        }

        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        var sizes = new int[count];
        long parameters = 0;
        for (int i = 0; i < count; i++)
        {
            int offset = ModelFormat.PrefixLength + (4 * i);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header[offset..]);
            if (size is < 1 or > int.MaxValue) throw DataErrors.AtOffset(source, offset, $"layer size {i} is {size}, outside [1, {int.MaxValue}].");
            sizes[i] = (int)size;
            if (i > 0) parameters += (sizes[i - 1] + 1L) * size;
            if (parameters > Array.MaxLength)
            {
                throw DataErrors.AtOffset(source, offset, $"the layer sizes imply {parameters}+ parameters, more than one array can hold.");
            }
        }

        var hidden = new ActivationFunction[count - 2];
        for (int i = 0; i < hidden.Length; i++)
        {
            int offset = ModelFormat.PrefixLength + (4 * count) + (8 * i);
            uint kind = BinaryPrimitives.ReadUInt32LittleEndian(header[offset..]);
            float slope = BinaryPrimitives.ReadSingleLittleEndian(header[(offset + 4)..]);
            if (!Enum.IsDefined((ActivationKind)kind)) throw DataErrors.AtOffset(source, offset, $"hidden layer {i} has an unknown activation kind {kind}.");
            if (!(slope >= 0f && float.IsFinite(slope)))
            {
                throw DataErrors.AtOffset(source, offset + 4, $"hidden layer {i} has leaky slope {slope}; it must be finite and ≥ 0.");
            }

            hidden[i] = new ActivationFunction((ActivationKind)kind, slope);
        }

        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(header[^8..]);
        if (declared != parameters)
        {
            throw DataErrors.AtOffset(source, header.Length - 8,
                $"the file declares {declared} parameters, but its layer sizes {string.Join("-", sizes)} imply {parameters}.");
        }

        try
        {
            return new MlpDefinition(sizes, hidden, (OutputHead)head);
        }
        catch (ArgumentException e)
        {
            // The checks above mirror MlpDefinition's, so this only fires if that class grows a rule they miss.
            throw DataErrors.InSource(source, $"the architecture is invalid: {e.Message}");
        }
    }

    /// <summary>Four bytes as a quoted string when they are printable ASCII, else in hex, for the magic-number error.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is < 0x20 or > 0x7E) return Convert.ToHexString(bytes);
        }

        return $"\"{System.Text.Encoding.ASCII.GetString(bytes)}\"";
    }
}
