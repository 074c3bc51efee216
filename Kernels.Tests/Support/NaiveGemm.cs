using System.Globalization;
using System.Numerics;
using Xunit;

namespace SimdMlp.Kernels.Tests.Support;

/// <summary>
/// Reference GEMM for tests: the textbook triple loop, accumulated in double, with a per-element error bound for a
/// float implementation (see <see cref="Tolerance"/>).
/// </summary>
/// <remarks>
/// Same contract as <see cref="Kernels.Gemm.Sgemm"/>: C = alpha·op(A)·op(B) + beta·C, row-major, A stored m×k (No) or k×m
/// (Yes), B stored k×n (No) or n×k (Yes). When beta is 0 the old C is not read (it may hold NaN). Products of two
/// floats are exact in double and the double sum is far more accurate than any float result, so the reference is
/// treated as exact. The bound of element (i, j) is
/// <c>c0·(k+1)·ε·(Σ_p |alpha·a_ip·b_pj| + |beta·c_ij|) + tiny</c>.
/// </remarks>
public static class NaiveGemm
{
    /// <summary>Computes the expected result and the error bound of each element of C.</summary>
    /// <param name="transA">Whether A is used transposed.</param>
    /// <param name="transB">Whether B is used transposed.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A as stored.</param>
    /// <param name="lda">Row stride of A.</param>
    /// <param name="b">B as stored.</param>
    /// <param name="ldb">Row stride of B.</param>
    /// <param name="beta">Scale of the old C.</param>
    /// <param name="c">C before the call; not read when <paramref name="beta"/> is 0.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="safety">Safety factor c0 of the bound.</param>
    /// <returns>Expected values and bounds, dense m×n.</returns>
    public static GemmReference Compute(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, ReadOnlySpan<float> c, int ldc,
        double safety = Tolerance.DefaultSafety)
    {
        var expected = new double[m * n];
        var bound = new double[m * n];

        // op(B) and |op(B)| as dense k×n double matrices, so the inner loop is contiguous whatever the transpose.
        var opB = new double[k * n];
        var absB = new double[k * n];
        for (int p = 0; p < k; p++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = transB == Transpose.No ? b[p * ldb + j] : b[j * ldb + p];
                opB[p * n + j] = v;
                absB[p * n + j] = Math.Abs(v);
            }
        }

        var sum = new double[n];
        var magnitude = new double[n];
        for (int i = 0; i < m; i++)
        {
            Array.Clear(sum);
            Array.Clear(magnitude);
            for (int p = 0; p < k; p++)
            {
                double x = transA == Transpose.No ? a[i * lda + p] : a[p * lda + i];
                AddScaled(sum, x, opB.AsSpan(p * n, n));
                AddScaled(magnitude, Math.Abs(x), absB.AsSpan(p * n, n));
            }

            for (int j = 0; j < n; j++)
            {
                double e = alpha * sum[j];
                double w = Math.Abs((double)alpha) * magnitude[j];
                if (beta != 0)
                {
                    double old = (double)beta * c[i * ldc + j];
                    e += old;
                    w += Math.Abs(old);
                }

                expected[i * n + j] = e;
                bound[i * n + j] = Tolerance.DotBound(k, w, safety);
            }
        }

        return new GemmReference(m, n, k, expected, bound);
    }

    /// <summary>acc[j] += x·row[j]. Element-wise only (no reassociation), so vectors give the same bits as scalars.</summary>
    private static void AddScaled(Span<double> acc, double x, ReadOnlySpan<double> row)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Separate multiply and add (no FMA), exactly like the scalar tail below.
            var vx = new Vector<double>(x);
            for (; j <= row.Length - Vector<double>.Count; j += Vector<double>.Count)
            {
                var product = vx * new Vector<double>(row[j..]);
                (new Vector<double>(acc[j..]) + product).CopyTo(acc[j..]);
            }
        }

        for (; j < row.Length; j++) acc[j] += x * row[j];
    }
}

/// <summary>Expected m×n result of a GEMM with a per-element error bound; see <see cref="NaiveGemm"/>.</summary>
public sealed class GemmReference
{
    internal GemmReference(int m, int n, int k, double[] expected, double[] bound)
    {
        M = m; N = n; K = k; Expected = expected; Bound = bound;
    }

    /// <summary>Rows of C.</summary>
    public int M { get; }

    /// <summary>Columns of C.</summary>
    public int N { get; }

    /// <summary>Depth of the product.</summary>
    public int K { get; }

    /// <summary>Expected C, dense m×n row-major.</summary>
    public double[] Expected { get; }

    /// <summary>Allowed |C − expected| per element, dense m×n row-major.</summary>
    public double[] Bound { get; }

    /// <summary>Fails, naming the first element out of tolerance and how many are, unless every element of C is within its bound.</summary>
    /// <param name="c">C after the call, row stride <paramref name="ldc"/>.</param>
    /// <param name="ldc">Row stride of <paramref name="c"/>.</param>
    /// <param name="context">Prefix of the message (for example the test case).</param>
    public void AssertMatches(ReadOnlySpan<float> c, int ldc, string? context = null)
    {
        int bad = 0, firstI = -1, firstJ = -1;
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                if (Tolerance.IsWithin(c[i * ldc + j], Expected[i * N + j], Bound[i * N + j])) continue;
                if (bad++ == 0) (firstI, firstJ) = (i, j);
            }
        }

        if (bad == 0) return;
        float got = c[firstI * ldc + firstJ];
        double want = Expected[firstI * N + firstJ], tol = Bound[firstI * N + firstJ];
        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
            $"{context}{(context is null ? "" : ": ")}C[{firstI},{firstJ}] (offset {firstI * ldc + firstJ}) = " +
            $"{Tolerance.Describe(got)}, expected {want:R} ± {tol:G3} (|diff| = {Math.Abs(got - want):G3}); " +
            $"{bad} of {M * N} elements out of tolerance (k = {K})."));
    }
}
