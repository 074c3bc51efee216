using System.Diagnostics.CodeAnalysis;

namespace SimdMlp.Kernels;

/// <summary>
/// Argument validation for span kernels, done once at the public boundary. Messages name the arguments and their
/// sizes; the throw helpers stay out of line so the checks cost a compare and a branch.
/// </summary>
internal static class SpanChecks
{
    /// <summary>destination holds at least x.Length elements and overlaps x exactly or not at all.</summary>
    public static void UnaryDestination(ReadOnlySpan<float> x, Span<float> destination, string xName, string destinationName)
    {
        if (destination.Length < x.Length) ThrowTooShort(destinationName, destination.Length, xName, x.Length);
        NoPartialOverlap(x, destination, xName, destinationName);
    }

    /// <summary>x and y have the same length.</summary>
    public static void SameLength(ReadOnlySpan<float> x, ReadOnlySpan<float> y, string xName, string yName)
    {
        if (x.Length != y.Length) ThrowLengthMismatch(xName, x.Length, yName, y.Length);
    }

    /// <summary>input and output either start at the same element (in place) or do not overlap.</summary>
    public static void NoPartialOverlap(ReadOnlySpan<float> input, ReadOnlySpan<float> output, string inputName, string outputName)
    {
        if (input.Overlaps(output, out int offset) && offset != 0) ThrowPartialOverlap(inputName, outputName, offset);
    }

    /// <summary>a and b share no element (for outputs that may not alias anything, such as a bias gradient).</summary>
    public static void Disjoint(ReadOnlySpan<float> a, ReadOnlySpan<float> b, string aName, string bName)
    {
        if (a.Overlaps(b)) ThrowOverlap(aName, bName);
    }

    /// <summary>matrix is rows×columns: its length is a multiple of columns (columns = 0 needs an empty matrix).</summary>
    public static int Rows(int matrixLength, int columns, string matrixName, string columnsSource)
    {
        if (columns == 0)
        {
            if (matrixLength != 0) ThrowNotAMatrix(matrixName, matrixLength, columnsSource, columns);
            return 0;
        }

        if (matrixLength % columns != 0) ThrowNotAMatrix(matrixName, matrixLength, columnsSource, columns);
        return matrixLength / columns;
    }

    [DoesNotReturn]
    public static void ThrowTooShort(string destinationName, int destinationLength, string sourceName, int needed) =>
        throw new ArgumentException(
            $"{destinationName} has {destinationLength} elements, but {sourceName} has {needed}: it must hold at least {needed}.",
            destinationName);

    [DoesNotReturn]
    private static void ThrowLengthMismatch(string xName, int xLength, string yName, int yLength) =>
        throw new ArgumentException($"{yName} has {yLength} elements, but {xName} has {xLength}: they must be equal.", yName);

    [DoesNotReturn]
    private static void ThrowPartialOverlap(string inputName, string outputName, int offset) =>
        throw new ArgumentException(
            $"{outputName} overlaps {inputName} at an offset of {offset} elements: it must be the same span (in place) or disjoint.",
            outputName);

    [DoesNotReturn]
    private static void ThrowOverlap(string aName, string bName) =>
        throw new ArgumentException($"{bName} overlaps {aName}: they must be disjoint.", bName);

    [DoesNotReturn]
    private static void ThrowNotAMatrix(string matrixName, int matrixLength, string columnsSource, int columns) =>
        throw new ArgumentException(
            $"{matrixName} has {matrixLength} elements, which is not a whole number of rows of {columns} ({columnsSource}).",
            matrixName);
}
