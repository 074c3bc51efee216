using System.IO.Compression;

namespace SimdMlp.IO;

/// <summary>
/// A read-only view of a gzip file's decompressed bytes that turns the decompressor's bare
/// <see cref="InvalidDataException"/> into one naming the file and the decompressed offset.
/// </summary>
internal sealed class GzipErrorStream(Stream compressed, string source) : Stream
{
    private readonly GZipStream _inner = new(compressed, CompressionMode.Decompress);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw DataErrors.AtOffset(source, _position, $"corrupt gzip data: {e.Message}");
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
