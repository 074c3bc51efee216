namespace SimdMlp.Kernels;

/// <summary>Validation of <see cref="Gemm.Sgemm"/> arguments, done once at the public boundary before anything is written.</summary>
internal static class GemmArguments
{
    public static void Validate(Transpose transA, Transpose transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc, int maxDegreeOfParallelism)
    {
        // One branch-light test for the common valid call; the detailed checks below only run to name the culprit.
        if (IsValid(transA, transB, m, n, k, aLength, lda, bLength, ldb, cLength, ldc, maxDegreeOfParallelism)) return;
        ThrowInvalid(transA, transB, m, n, k, aLength, lda, bLength, ldb, cLength, ldc, maxDegreeOfParallelism);
    }

    private static bool IsValid(Transpose transA, Transpose transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc, int maxDegreeOfParallelism)
    {
        if ((uint)transA > 1 || (uint)transB > 1 || (m | n | k) < 0 || maxDegreeOfParallelism < 1) return false;
        var (aRows, aCols) = transA == Transpose.No ? (m, k) : (k, m);
        var (bRows, bCols) = transB == Transpose.No ? (k, n) : (n, k);
        return lda >= Math.Max(1, aCols) && ldb >= Math.Max(1, bCols) && ldc >= Math.Max(1, n)
            && aLength >= RequiredLength(aRows, aCols, lda) && bLength >= RequiredLength(bRows, bCols, ldb)
            && cLength >= RequiredLength(m, n, ldc);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowInvalid(Transpose transA, Transpose transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc, int maxDegreeOfParallelism)
    {
        if (transA is not (Transpose.No or Transpose.Yes))
            throw new ArgumentOutOfRangeException(nameof(transA), transA, "transA must be Transpose.No or Transpose.Yes.");
        if (transB is not (Transpose.No or Transpose.Yes))
            throw new ArgumentOutOfRangeException(nameof(transB), transB, "transB must be Transpose.No or Transpose.Yes.");
        if (m < 0) throw new ArgumentOutOfRangeException(nameof(m), m, $"m must be non-negative, but is {m}.");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be non-negative, but is {n}.");
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be non-negative, but is {k}.");
        if (maxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                $"maxDegreeOfParallelism must be at least 1, but is {maxDegreeOfParallelism}.");
        }

        // A is stored m×k (No) or k×m (Yes); B is stored k×n (No) or n×k (Yes).
        var (aRows, aCols) = transA == Transpose.No ? (m, k) : (k, m);
        var (bRows, bCols) = transB == Transpose.No ? (k, n) : (n, k);
        CheckOperand("a", "lda", "A", "transA", transA, aRows, aCols, aLength, lda);
        CheckOperand("b", "ldb", "B", "transB", transB, bRows, bCols, bLength, ldb);
        CheckOperand("c", "ldc", "C", null, Transpose.No, m, n, cLength, ldc);
        throw new ArgumentException("Invalid GEMM arguments.");
    }

    /// <summary>Elements a row-major rows×cols matrix with row stride ld spans: (rows − 1)·ld + cols, or 0 if empty.</summary>
    public static long RequiredLength(int rows, int cols, int ld) =>
        rows == 0 || cols == 0 ? 0 : ((long)rows - 1) * ld + cols;

    private static void CheckOperand(string spanName, string ldName, string matrix, string? transName, Transpose trans,
        int rows, int cols, int length, int ld)
    {
        if (ld < Math.Max(1, cols))
        {
            throw new ArgumentOutOfRangeException(ldName, ld,
                $"{ldName} must be at least max(1, {cols}), the length of a stored row, but is {ld}: " +
                $"{Describe(matrix, transName, trans, rows, cols)}.");
        }

        long need = RequiredLength(rows, cols, ld);
        if (length < need)
        {
            throw new ArgumentException(
                $"{spanName} has {length} elements, but {Describe(matrix, transName, trans, rows, cols)} with " +
                $"{ldName} = {ld} needs {need}.", spanName);
        }
    }

    // Only on the throwing path: formatting on every call would cost more than a small product.
    private static string Describe(string matrix, string? transName, Transpose trans, int rows, int cols) =>
        transName is null ? $"{matrix} is {rows}×{cols}" : $"{matrix} is stored {rows}×{cols} ({transName} = {trans})";
}
