using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SimdMlp;

/// <summary>
/// A zeroed float buffer whose first element sits on a 64-byte boundary: a cache line, and one 512-bit vector.
/// </summary>
/// <remarks>
/// The optimizer streams four parameter-sized buffers (weights, gradients, two moments) in lockstep; with the
/// 16-byte alignment .NET gives arrays, their vectors straddle cache lines at different offsets. Measured with
/// Adam over the 235 146 parameters of 784-256-128-10 on this machine's Zen 4 core: 90 µs all aligned, 112-119 µs
/// at the offsets the arrays happened to get. The array is pinned (on the pinned object heap, which never moves
/// objects), so the alignment computed once stays true.
/// </remarks>
internal sealed class AlignedFloats
{
    private const int AlignmentBytes = 64;

    private readonly float[] _array;
    private readonly int _offset;

    public AlignedFloats(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _array = GC.AllocateArray<float>(length + AlignmentBytes / sizeof(float) - 1, pinned: true);
        _offset = FloatsToBoundary(_array);
        Length = length;
    }

    public int Length { get; }

    public Span<float> Span => _array.AsSpan(_offset, Length);

    public Memory<float> Memory => _array.AsMemory(_offset, Length);

    private static unsafe int FloatsToBoundary(float[] array)
    {
        // Array data is at least 4-byte aligned, so the distance to the boundary is a whole number of floats.
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        return (int)((AlignmentBytes - address % AlignmentBytes) % AlignmentBytes) / sizeof(float);
    }
}
