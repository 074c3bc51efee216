namespace SimdMlp.IO;

/// <summary>Images read from an IDX file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> pixels.</summary>
public sealed class IdxImages
{
    private float[]? _pixels;

    internal IdxImages(byte[] bytes, int count, int rows, int columns)
    {
        Bytes = bytes;
        Count = count;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>
    /// Row-major [<see cref="Count"/>, <see cref="Rows"/> · <see cref="Columns"/>]: each image row by row, the bytes
    /// as the file stores them. A quarter of <see cref="Pixels"/>' memory; <see cref="Dataset"/>s built on them train
    /// from bytes (see <see cref="Dataset.ToSampleSet"/>).
    /// </summary>
    public byte[] Bytes { get; }

    /// <summary>
    /// Row-major [<see cref="Count"/>, <see cref="Rows"/> · <see cref="Columns"/>]: each byte <c>b</c> of
    /// <see cref="Bytes"/> as <c>b / 255f</c>, so values lie in [0, 1]. Built on first use and kept.
    /// </summary>
    public float[] Pixels => _pixels ?? Interlocked.CompareExchange(ref _pixels, UnitRange.ToFloats(Bytes), null) ?? _pixels!;

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>Pixel rows per image.</summary>
    public int Rows { get; }

    /// <summary>Pixel columns per image.</summary>
    public int Columns { get; }

    /// <summary>Pixels (features) per image: <see cref="Rows"/> · <see cref="Columns"/>.</summary>
    public int PixelsPerImage => Rows * Columns;
}
