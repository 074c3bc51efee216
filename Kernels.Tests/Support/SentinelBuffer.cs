using System.Globalization;
using System.Runtime.InteropServices;
using Xunit;

namespace SimdMlp.Kernels.Tests.Support;

/// <summary>
/// A float buffer handed to code under test as a <see cref="Span"/> of <see cref="Length"/> elements, with guard
/// regions before and after it. Every element starts out holding a sentinel bit pattern; the test then "opens" the
/// ranges the code may write (<see cref="Open"/>), and <see cref="AssertSentinelsIntact"/> checks that every other
/// element (both guards and every closed element inside the span) still holds the sentinel.
/// </summary>
/// <remarks>
/// <para>
/// The guards catch unsafe code (pointers, <c>Unsafe.Add</c>, unmasked vector stores) that writes past the span it
/// was given; closed elements inside the span catch writes to padding a contract says must not be touched
/// (for example a matrix's row-stride padding).
/// </para>
/// <para>
/// The default sentinel, <see cref="SignalingNaNBits"/>, is a signalling NaN: any arithmetic on it returns a
/// quiet NaN (different bits), so even a "harmless" read-compute-write such as <c>c = 1·c + 0</c> is detected.
/// Only a plain copy of the same bits is invisible, which no test can see. For read-only inputs, use
/// <see cref="QuietNaNBits"/> instead: an out-of-bounds or padding read that leaks into a result poisons it with NaN.
/// </para>
/// <para>All fills and checks work on the raw bits (never through float arithmetic), so the sentinel survives.</para>
/// </remarks>
public sealed class SentinelBuffer
{
    /// <summary>Signalling NaN with a recognisable payload: quiet bit clear, payload 0x5A5A.</summary>
    public const uint SignalingNaNBits = 0x7F80_5A5Au;

    /// <summary>A quiet NaN with a recognisable payload, to poison padding of read-only inputs.</summary>
    public const uint QuietNaNBits = 0x7FC0_BAD0u;

    /// <summary>Default number of guard elements before and after the span: four 512-bit vectors.</summary>
    public const int DefaultGuard = 64;

    private readonly float[] _storage;
    private readonly bool[] _open;

    /// <summary>Creates a buffer whose span has <paramref name="length"/> elements, all closed and holding the sentinel.</summary>
    /// <param name="length">Elements of the span given to the code under test.</param>
    /// <param name="guard">Guard elements before and after the span.</param>
    /// <param name="sentinelBits">Bit pattern of closed elements.</param>
    public SentinelBuffer(int length, int guard = DefaultGuard, uint sentinelBits = SignalingNaNBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(guard);
        Length = length;
        Guard = guard;
        SentinelBits = sentinelBits;
        _storage = new float[length + 2 * guard];
        _open = new bool[length];
        MemoryMarshal.Cast<float, uint>(_storage.AsSpan()).Fill(sentinelBits);
    }

    /// <summary>Elements of <see cref="Span"/>.</summary>
    public int Length { get; }

    /// <summary>Guard elements on each side of the span.</summary>
    public int Guard { get; }

    /// <summary>Bit pattern of closed elements.</summary>
    public uint SentinelBits { get; }

    /// <summary>The region given to the code under test.</summary>
    public Span<float> Span => _storage.AsSpan(Guard, Length);

    /// <summary>The whole storage, guards included, for snapshots.</summary>
    public ReadOnlySpan<float> Storage => _storage;

    /// <summary>Marks span elements [start, start+count) as writable by the code under test.</summary>
    public void Open(int start, int count) => _open.AsSpan(start, count).Fill(true);

    /// <summary>True when span element <paramref name="index"/> is writable.</summary>
    public bool IsOpen(int index) => _open[index];

    /// <summary>Copies the whole storage (guards included) for a later bit-exact comparison.</summary>
    public float[] Snapshot() => (float[])_storage.Clone();

    /// <summary>Restores the whole storage from a <see cref="Snapshot"/>.</summary>
    public void Restore(float[] snapshot) => snapshot.AsSpan().CopyTo(_storage);

    /// <summary>
    /// Storage index (relative to the span start: negative in the front guard, ≥ <see cref="Length"/> in the back
    /// guard) of the first closed element that no longer holds the sentinel, or null.
    /// </summary>
    public int? FirstViolation()
    {
        var bits = MemoryMarshal.Cast<float, uint>(_storage.AsSpan());
        for (int s = 0; s < bits.Length; s++)
        {
            int index = s - Guard;
            bool open = index >= 0 && index < Length && _open[index];
            if (!open && bits[s] != SentinelBits) return index;
        }

        return null;
    }

    /// <summary>Element at span-relative <paramref name="index"/>, which may lie in a guard.</summary>
    public float At(int index) => _storage[index + Guard];

    /// <summary>Fails with a description of the first overwritten sentinel, if any.</summary>
    /// <param name="name">Name of the buffer in the message (for example "C").</param>
    /// <param name="describe">Describes a span-relative index inside the span (for example its row and column).</param>
    /// <param name="context">Prefix of the message (for example the test case).</param>
    public void AssertSentinelsIntact(string name, Func<int, string>? describe = null, string? context = null)
    {
        if (FirstViolation() is not int index) return;
        int count = 0;
        var bits = MemoryMarshal.Cast<float, uint>(_storage.AsSpan());
        for (int s = 0; s < bits.Length; s++)
        {
            int i = s - Guard;
            if (!(i >= 0 && i < Length && _open[i]) && bits[s] != SentinelBits) count++;
        }

        string where = index < 0 ? $"front guard, {-index} element(s) before the span"
            : index >= Length ? $"back guard, {index - Length + 1} element(s) after the span end"
            : describe?.Invoke(index) ?? "closed element inside the span";
        Assert.Fail(string.Create(CultureInfo.InvariantCulture,
            $"{context}{(context is null ? "" : ": ")}{name} was written outside its writable region: element " +
            $"{index} ({where}) holds {Tolerance.Describe(At(index))} instead of the sentinel 0x{SentinelBits:X8}; " +
            $"{count} element(s) overwritten in all."));
    }
}
