using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SimdMlp.IO;

/// <summary>
/// Bytes (pixel intensities) as floats in [0, 1]: <c>b / 255f</c>. The one conversion behind <see cref="IdxImages"/>,
/// byte-backed <see cref="Dataset"/>s and the trainer's gather of byte rows, so a byte set and its float expansion
/// train to bit-identical weights.
/// </summary>
/// <remarks>
/// A division rather than a multiplication by 1/255: <c>b · (1f / 255)</c> differs from <c>b / 255f</c> in the last
/// bit for 126 of the 256 bytes, and division is what the float readers have always stored. Vector division is
/// correctly rounded like the scalar one, so every lane equals the scalar result and the overlapping last vector
/// may recompute elements.
/// </remarks>
internal static class UnitRange
{
    public const float Divisor = 255f;

    /// <summary>A new array of <paramref name="source"/>'s bytes as <c>b / 255f</c>.</summary>
    public static float[] ToFloats(byte[] source)
    {
        float[] values = GC.AllocateUninitializedArray<float>(source.Length);
        FromBytes(source, values);
        return values;
    }

    /// <summary>destination[i] = source[i] / 255f for i &lt; source.Length (destination at least as long).</summary>
    public static void FromBytes(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} floats, fewer than the {source.Length} bytes of source.", nameof(destination));
        }

        FromBytes(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(destination), source.Length);
    }

    /// <summary>The unchecked core: <paramref name="length"/> bytes from <paramref name="source"/> to floats.</summary>
    public static void FromBytes(ref byte source, ref float destination, int length)
    {
        int step = Vector<byte>.Count;
        if (!Vector.IsHardwareAccelerated || length < step)
        {
            for (int i = 0; i < length; i++) Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i) / Divisor;
            return;
        }

        for (int i = 0; ; i += step)
        {
            // The last vector ends at the last byte, overlapping the one before it when length is not a multiple.
            if (i > length - step) i = length - step;
            Convert(ref source, ref destination, i);
            if (i == length - step) return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Convert(ref byte source, ref float destination, int i)
    {
        int width = Vector<float>.Count;
        var divisor = new Vector<float>(Divisor);
        Vector.Widen(Vector.LoadUnsafe(ref source, (nuint)i), out Vector<ushort> low, out Vector<ushort> high);
        Vector.Widen(low, out Vector<uint> q0, out Vector<uint> q1);
        Vector.Widen(high, out Vector<uint> q2, out Vector<uint> q3);
        ref float target = ref Unsafe.Add(ref destination, i);
        (Vector.ConvertToSingle(q0) / divisor).StoreUnsafe(ref target);
        (Vector.ConvertToSingle(q1) / divisor).StoreUnsafe(ref target, (nuint)width);
        (Vector.ConvertToSingle(q2) / divisor).StoreUnsafe(ref target, (nuint)(2 * width));
        (Vector.ConvertToSingle(q3) / divisor).StoreUnsafe(ref target, (nuint)(3 * width));
    }
}
