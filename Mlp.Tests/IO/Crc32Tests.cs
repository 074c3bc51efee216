using System.Text;
using SimdMlp.IO;

namespace SimdMlp.Tests.IO;

public sealed class Crc32Tests
{
    [Fact]
    public void Check_value_of_123456789_is_the_standard_one() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Empty_input_gives_zero() => Assert.Equal(0u, Crc32.Compute([]));

    [Fact]
    public void Appending_in_pieces_equals_one_pass_and_a_bitwise_reference()
    {
        var data = new byte[1000];
        new Random(7).NextBytes(data);
        foreach (int split in new[] { 0, 1, 7, 8, 9, 500, 999, 1000 })
        {
            var crc = new Crc32();
            crc.Append(data.AsSpan(0, split));
            crc.Append(data.AsSpan(split));
            Assert.Equal(BitwiseCrc(data), crc.Value);
        }
    }

    /// <summary>The textbook bit-at-a-time CRC-32, independent of the table-driven one.</summary>
    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
