namespace SimdMlp.IO;

/// <summary>Images read from an IDX file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> pixels.</summary>
public sealed class IdxImages
{
    internal IdxImages(float[] pixels, int count, int rows, int columns)
    {
        Pixels = pixels;
        Count = count;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>
    /// Row-major [<see cref="Count"/>, <see cref="Rows"/> · <see cref="Columns"/>]: each image row by row, each byte
    /// <c>b</c> stored as <c>b / 255f</c>, so values lie in [0, 1].
    /// </summary>
    public float[] Pixels { get; }

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>Pixel rows per image.</summary>
    public int Rows { get; }

    /// <summary>Pixel columns per image.</summary>
    public int Columns { get; }

    /// <summary>Pixels (features) per image: <see cref="Rows"/> · <see cref="Columns"/>.</summary>
    public int PixelsPerImage => Rows * Columns;
}
