using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// Bad arguments to <see cref="Kernels.Gemm.Sgemm"/> throw the documented exception type, name the argument in
/// <see cref="ArgumentException.ParamName"/>, put the offending sizes in the message, and leave C (window, padding
/// and guards) bit-identical: validation happens before anything is written.
/// </summary>
public sealed class GemmArgumentValidationTests
{
    // Distinctive sizes so each number in a message can only come from one argument.
    private const int M = 7, N = 11, K = 13;

    /// <summary>One call's arguments; each test breaks one of them.</summary>
    private sealed record Call(
        Transpose TransA = Transpose.No, Transpose TransB = Transpose.No, int M = M, int N = N, int K = K,
        int? Lda = null, int? Ldb = null, int? Ldc = null, int? ALength = null, int? BLength = null,
        int? CLength = null, int Dop = 1)
    {
        public (int Rows, int Cols) AShape => TransA == Transpose.No ? (M, K) : (K, M);

        public (int Rows, int Cols) BShape => TransB == Transpose.No ? (K, N) : (N, K);

        public int LdaValue => Lda ?? AShape.Cols + 2;

        public int LdbValue => Ldb ?? BShape.Cols + 3;

        public int LdcValue => Ldc ?? N + 1;

        // Length a valid matrix of this shape needs; 0 for the impossible shapes of the negative-size tests.
        public static int Need(int rows, int cols, int ld) =>
            rows <= 0 || cols <= 0 || ld < cols ? 0 : (int)GuardedMatrix.RequiredLength(rows, cols, ld);

        public int ALengthValue => ALength ?? Need(AShape.Rows, AShape.Cols, LdaValue);

        public int BLengthValue => BLength ?? Need(BShape.Rows, BShape.Cols, LdbValue);

        public int CLengthValue => CLength ?? Need(M, N, LdcValue);
    }

    /// <summary>Runs <paramref name="call"/> with C inside a sentinel buffer and checks C is unchanged afterwards.</summary>
    private static TException Throws<TException>(Call call, string paramName, params long[] numbersInMessage)
        where TException : ArgumentException
    {
        var random = new Random(7);
        var a = new float[Math.Max(0, call.ALengthValue)];
        var b = new float[Math.Max(0, call.BLengthValue)];
        for (int i = 0; i < a.Length; i++) a[i] = random.NextSingle();
        for (int i = 0; i < b.Length; i++) b[i] = random.NextSingle();
        var c = new SentinelBuffer(Math.Max(0, call.CLengthValue));
        for (int i = 0; i < c.Length; i++) c.Span[i] = random.NextSingle();
        var before = c.Snapshot();

        var ex = Assert.Throws<TException>(() => Kernels.Gemm.Sgemm(call.TransA, call.TransB, call.M, call.N, call.K,
            1.5f, a, call.LdaValue, b, call.LdbValue, 0.5f, c.Span, call.LdcValue, call.Dop));

        Assert.Equal(paramName, ex.ParamName);
        foreach (long number in numbersInMessage) Assert.Contains(number.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.True(Tolerance.FirstBitMismatch(c.Storage, before) < 0, $"C was modified before {paramName} was rejected");
        return ex;
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Negative_m_throws(int m) =>
        Throws<ArgumentOutOfRangeException>(new Call(M: m, CLength: 64), "m", m);

    [Theory]
    [InlineData(-1)]
    [InlineData(-5)]
    public void Negative_n_throws(int n) =>
        Throws<ArgumentOutOfRangeException>(new Call(N: n, Ldc: 4, CLength: 64), "n", n);

    [Theory]
    [InlineData(-1)]
    [InlineData(-13)]
    public void Negative_k_throws(int k) =>
        Throws<ArgumentOutOfRangeException>(new Call(K: k, Lda: 4, Ldb: 20, ALength: 64, BLength: 64), "k", k);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void MaxDegreeOfParallelism_below_one_throws(int dop) =>
        Throws<ArgumentOutOfRangeException>(new Call(Dop: dop), "maxDegreeOfParallelism", dop);

    [Theory]
    [InlineData(Transpose.No, K - 1, K)] // A stored m×k: a row is k long
    [InlineData(Transpose.Yes, M - 1, M)] // A stored k×m: a row is m long
    [InlineData(Transpose.No, 0, K)]
    [InlineData(Transpose.No, -3, K)]
    public void Lda_shorter_than_a_stored_row_throws(Transpose transA, int lda, int rowLength) =>
        Throws<ArgumentOutOfRangeException>(new Call(TransA: transA, Lda: lda, ALength: 4096), "lda", lda, rowLength);

    [Theory]
    [InlineData(Transpose.No, N - 1, N)] // B stored k×n
    [InlineData(Transpose.Yes, K - 1, K)] // B stored n×k
    [InlineData(Transpose.Yes, -1, K)]
    public void Ldb_shorter_than_a_stored_row_throws(Transpose transB, int ldb, int rowLength) =>
        Throws<ArgumentOutOfRangeException>(new Call(TransB: transB, Ldb: ldb, BLength: 4096), "ldb", ldb, rowLength);

    [Theory]
    [InlineData(N - 1)]
    [InlineData(0)]
    [InlineData(-2)]
    public void Ldc_shorter_than_n_throws(int ldc) =>
        Throws<ArgumentOutOfRangeException>(new Call(Ldc: ldc, CLength: 4096), "ldc", ldc, N);

    [Theory]
    [InlineData(Transpose.No)]
    [InlineData(Transpose.Yes)]
    public void A_too_short_throws(Transpose transA)
    {
        var call = new Call(TransA: transA);
        int need = call.ALengthValue;
        var ex = Throws<ArgumentException>(call with { ALength = need - 1 }, "a", need - 1, need, call.LdaValue);
        Assert.IsNotType<ArgumentOutOfRangeException>(ex);
    }

    [Theory]
    [InlineData(Transpose.No)]
    [InlineData(Transpose.Yes)]
    public void B_too_short_throws(Transpose transB)
    {
        var call = new Call(TransB: transB);
        int need = call.BLengthValue;
        Throws<ArgumentException>(call with { BLength = need - 1 }, "b", need - 1, need, call.LdbValue);
    }

    [Fact]
    public void C_too_short_throws()
    {
        var call = new Call();
        int need = call.CLengthValue;
        Assert.Equal((M - 1) * call.LdcValue + N, need); // the last row needs no padding
        Throws<ArgumentException>(call with { CLength = need - 1 }, "c", need - 1, need, call.LdcValue);
    }

    [Fact]
    public void Empty_A_with_positive_sizes_throws() =>
        Throws<ArgumentException>(new Call(ALength: 0), "a", 0, new Call().ALengthValue);

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Undefined_transA_throws(int value) =>
        Throws<ArgumentOutOfRangeException>(new Call(TransA: (Transpose)value, ALength: 4096), "transA");

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Undefined_transB_throws(int value) =>
        Throws<ArgumentOutOfRangeException>(new Call(TransB: (Transpose)value, BLength: 4096), "transB");

    [Fact]
    public void Exact_lengths_and_degenerate_shapes_are_accepted()
    {
        // Spans of exactly (rows−1)·ld + cols, and empty spans where a matrix is empty, are valid.
        var call = new Call(TransA: Transpose.Yes, TransB: Transpose.Yes);
        Kernels.Gemm.Sgemm(call.TransA, call.TransB, M, N, K, 1f, new float[call.ALengthValue], call.LdaValue,
            new float[call.BLengthValue], call.LdbValue, 0f, new float[call.CLengthValue], call.LdcValue);
        Kernels.Gemm.Sgemm(Transpose.No, Transpose.No, 0, 0, 0, 1f, [], 1, [], 1, 0f, [], 1);
        Kernels.Gemm.Sgemm(Transpose.No, Transpose.No, M, N, 0, 1f, [], 1, [], N, 0f, new float[M * N], N);
        Kernels.Gemm.Sgemm(Transpose.No, Transpose.No, 0, N, K, 1f, [], K, new float[K * N], N, 0f, [], N);
    }
}
