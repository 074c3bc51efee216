namespace SimdMlp.IO;

/// <summary>
/// CRC-32 (IEEE 802.3: reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF), as used by zip,
/// gzip and PNG; the check value of "123456789" is 0xCBF43926. Slicing-by-8, so checking a model file costs little
/// next to reading it.
/// </summary>
/// <remarks>Written here rather than taken from System.IO.Hashing so the library keeps no package dependencies.</remarks>
internal struct Crc32
{
    private const uint Polynomial = 0xEDB88320u;

    // s_tables[k][b]: the CRC of byte b followed by k zero bytes, so eight input bytes fold in with eight lookups.
    private static readonly uint[][] s_tables = BuildTables();

    private uint _state;

    /// <summary>A checksum of no data yet.</summary>
    public Crc32() => _state = 0xFFFFFFFFu;

    /// <summary>The CRC-32 of everything appended so far.</summary>
    public readonly uint Value => ~_state;

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = new Crc32();
        crc.Append(data);
        return crc.Value;
    }

    /// <summary>Folds <paramref name="data"/> into the checksum.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        uint crc = _state;
        uint[] t0 = s_tables[0], t1 = s_tables[1], t2 = s_tables[2], t3 = s_tables[3];
        uint[] t4 = s_tables[4], t5 = s_tables[5], t6 = s_tables[6], t7 = s_tables[7];
        while (data.Length >= 8)
        {
            uint low = crc ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data);
            uint high = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t7[low & 0xFF] ^ t6[(low >> 8) & 0xFF] ^ t5[(low >> 16) & 0xFF] ^ t4[low >> 24]
                ^ t3[high & 0xFF] ^ t2[(high >> 8) & 0xFF] ^ t1[(high >> 16) & 0xFF] ^ t0[high >> 24];
            data = data[8..];
        }

        foreach (byte b in data) crc = t0[(crc ^ b) & 0xFF] ^ (crc >> 8);
        _state = crc;
    }

    private static uint[][] BuildTables()
    {
        var tables = new uint[8][];
        for (int k = 0; k < 8; k++) tables[k] = new uint[256];
        for (uint b = 0; b < 256; b++)
        {
            uint crc = b;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            tables[0][b] = crc;
        }

        for (int b = 0; b < 256; b++)
        {
            for (int k = 1; k < 8; k++) tables[k][b] = tables[0][tables[k - 1][b] & 0xFF] ^ (tables[k - 1][b] >> 8);
        }

        return tables;
    }
}
