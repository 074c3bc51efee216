namespace SimdMlp.IO;

/// <summary>Reads a block whose length comes from a file header, without trusting that length for the allocation.</summary>
internal static class BoundedRead
{
    /// <summary>The first buffer when the source's length is unknown; it then doubles as data actually arrives.</summary>
    private const int InitialCapacity = 1 << 20;

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes. The buffer starts at <paramref name="count"/> only when
    /// <paramref name="available"/> says the source holds that much, and otherwise grows with the data read, so a
    /// corrupt header declaring gigabytes over a tiny or non-seekable stream costs at most twice what is really there.
    /// </summary>
    /// <param name="stream">The source, positioned at the block.</param>
    /// <param name="count">The declared length, at most <see cref="Array.MaxLength"/>.</param>
    /// <param name="available">How many bytes the source is known to hold from here, or null if unknown.</param>
    /// <param name="read">How many bytes were read: less than <paramref name="count"/> only at end of stream.</param>
    /// <returns>A buffer of exactly <paramref name="count"/> bytes when all were read; otherwise its first
    /// <paramref name="read"/> bytes are the data.</returns>
    public static byte[] UpTo(Stream stream, int count, long? available, out int read)
    {
        int capacity = available >= count ? count : Math.Min(count, InitialCapacity);
        var buffer = new byte[capacity];
        read = 0;
        while (read < count)
        {
            if (read == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            }

            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) break;
            read += n;
        }

        return buffer;
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the stream allows; returns how many bytes were read.</summary>
    public static int Fill(Stream stream, Span<byte> buffer) => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

    /// <summary>How many bytes a seekable stream holds from its position; null if it cannot tell.</summary>
    public static long? Remaining(Stream stream) => stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
}
