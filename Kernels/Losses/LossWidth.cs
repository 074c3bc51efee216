namespace SimdMlp.Kernels;

/// <summary>Picks the vector width a loss kernel runs with.</summary>
internal static class LossWidth
{
    /// <summary>
    /// The widest vector that <paramref name="path"/> allows and that fits in <paramref name="length"/> elements
    /// (16, 8, 4 or 1 floats). Kernels handle the ragged end with one last vector that overlaps the one before, so
    /// a vector must never be longer than the data; shorter data drops to a narrower width, down to 1.
    /// </summary>
    /// <param name="path">The kernel family.</param>
    /// <param name="length">Elements a kernel sweeps in one go: a row for softmax, the whole buffer otherwise.</param>
    public static int For(SimdPath path, int length)
    {
        if (path >= SimdPath.Avx512 && length >= 16) return 16;
        if (path >= SimdPath.Avx2 && length >= 8) return 8;
        if (path >= SimdPath.Vector128 && length >= 4) return 4;
        return 1;
    }

    /// <summary>
    /// Lanes of the last vector (starting at <paramref name="last"/> = length − width) that the main loop, which
    /// steps by <paramref name="width"/> from 0 while below <paramref name="last"/>, has already covered. Reductions
    /// mask them out of the last vector so no element counts twice.
    /// </summary>
    public static int Overlap(nuint last, int width) => (int)(((nuint)width - last % (nuint)width) % (nuint)width);
}
