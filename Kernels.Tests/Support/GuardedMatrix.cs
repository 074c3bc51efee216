using System.Globalization;
using System.Runtime.InteropServices;
using Xunit;

namespace SimdMlp.Kernels.Tests.Support;

/// <summary>
/// A row-major rows×cols matrix with row stride <see cref="Ld"/>, stored in a <see cref="SentinelBuffer"/>:
/// the rows×cols window is open (writable), while the stride padding of each row, an optional tail after the last
/// row, and the guards before and after the span hold the sentinel.
/// </summary>
/// <remarks>
/// The span handed to code under test (<see cref="Span"/>) is exactly the length a strided matrix needs,
/// <c>(rows−1)·ld + cols</c> (0 when empty), plus <see cref="Tail"/> extra elements that belong to the span but
/// not to the matrix. Use <see cref="SentinelBuffer.SignalingNaNBits"/> (the default) for outputs and
/// <see cref="SentinelBuffer.QuietNaNBits"/> for inputs, whose padding must never leak into a result.
/// </remarks>
public sealed class GuardedMatrix
{
    /// <summary>Creates the matrix with every element (window included) holding the sentinel; fill the window next.</summary>
    /// <param name="rows">Rows of the matrix.</param>
    /// <param name="cols">Columns of the matrix.</param>
    /// <param name="ld">Row stride; at least <paramref name="cols"/>.</param>
    /// <param name="tail">Extra span elements after the last row, outside the matrix.</param>
    /// <param name="guard">Guard elements before and after the span.</param>
    /// <param name="sentinelBits">Bit pattern of everything outside the window.</param>
    public GuardedMatrix(int rows, int cols, int ld, int tail = 0, int guard = SentinelBuffer.DefaultGuard,
        uint sentinelBits = SentinelBuffer.SignalingNaNBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        ArgumentOutOfRangeException.ThrowIfLessThan(ld, cols);
        ArgumentOutOfRangeException.ThrowIfNegative(tail);
        Rows = rows;
        Cols = cols;
        Ld = ld;
        Tail = tail;
        Buffer = new SentinelBuffer(checked((int)RequiredLength(rows, cols, ld) + tail), guard, sentinelBits);
        if (cols > 0)
        {
            for (int i = 0; i < rows; i++) Buffer.Open(i * ld, cols);
        }
    }

    /// <summary>Rows of the matrix.</summary>
    public int Rows { get; }

    /// <summary>Columns of the matrix.</summary>
    public int Cols { get; }

    /// <summary>Row stride.</summary>
    public int Ld { get; }

    /// <summary>Extra span elements after the last row.</summary>
    public int Tail { get; }

    /// <summary>The underlying guarded buffer.</summary>
    public SentinelBuffer Buffer { get; }

    /// <summary>The span to hand to the code under test.</summary>
    public Span<float> Span => Buffer.Span;

    /// <summary>Elements a rows×cols matrix with stride ld spans: (rows−1)·ld + cols, or 0 when empty.</summary>
    public static long RequiredLength(int rows, int cols, int ld) =>
        rows == 0 || cols == 0 ? 0 : ((long)rows - 1) * ld + cols;

    /// <summary>Element (i, j) of the window.</summary>
    public ref float this[int i, int j] => ref Span[i * Ld + j];

    /// <summary>Fills the window with <paramref name="value"/> (bit pattern preserved, NaN payloads included).</summary>
    public void FillWindow(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (Cols == 0) return;
        var raw = MemoryMarshal.Cast<float, uint>(Span);
        for (int i = 0; i < Rows; i++) raw.Slice(i * Ld, Cols).Fill(bits);
    }

    /// <summary>Fills the window row by row with uniform values in [lo, hi) drawn from <paramref name="random"/>.</summary>
    public void FillWindow(Random random, float lo = -1f, float hi = 1f)
    {
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Cols; j++) this[i, j] = lo + (hi - lo) * random.NextSingle();
        }
    }

    /// <summary>The window as a dense rows×cols row-major array.</summary>
    public float[] CopyWindow()
    {
        var dense = new float[Rows * Cols];
        if (Cols == 0) return dense;
        for (int i = 0; i < Rows; i++) Span.Slice(i * Ld, Cols).CopyTo(dense.AsSpan(i * Cols, Cols));
        return dense;
    }

    /// <summary>Describes a span index: window element, stride padding, or tail.</summary>
    public string DescribeIndex(int index)
    {
        if (Rows == 0 || Cols == 0 || index >= RequiredLength(Rows, Cols, Ld))
            return string.Create(CultureInfo.InvariantCulture, $"tail after the last row, +{index - RequiredLength(Rows, Cols, Ld)}");
        int row = index / Ld, col = index % Ld;
        return col < Cols
            ? string.Create(CultureInfo.InvariantCulture, $"window element [{row},{col}]")
            : string.Create(CultureInfo.InvariantCulture, $"row {row} stride padding, column {col} ≥ {Cols}");
    }

    /// <summary>Fails if anything outside the window (padding, tail, guards) was written.</summary>
    public void AssertSentinelsIntact(string name, string? context = null) =>
        Buffer.AssertSentinelsIntact(name, DescribeIndex, context);

    /// <summary>Fails unless the whole storage (window, padding and guards) is bit-identical to <paramref name="snapshot"/>.</summary>
    public void AssertUnchanged(float[] snapshot, string name, string? context = null)
    {
        int at = Tolerance.FirstBitMismatch(Buffer.Storage, snapshot);
        if (at < 0) return;
        int index = at - Buffer.Guard;
        string where = index < 0 ? "front guard" : index >= Buffer.Length ? "back guard" : DescribeIndex(index);
        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
            $"{context}{(context is null ? "" : ": ")}{name} changed at element {index} ({where}): " +
            $"{Tolerance.Describe(snapshot[at])} became {Tolerance.Describe(Buffer.Storage[at])}."));
    }
}
