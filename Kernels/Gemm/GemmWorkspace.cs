using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SimdMlp.Kernels;

/// <summary>Per-thread packing buffer, grown on demand and then reused, so a warm call allocates nothing.</summary>
/// <remarks>
/// Thread-static, so concurrent callers never share a buffer. Pinned on the POH so the packed panels can be
/// addressed by pointer, and 64-byte aligned so packed loads never split a cache line.
/// </remarks>
internal static unsafe class GemmWorkspace
{
    private const int AlignFloats = 16;

    [ThreadStatic]
    private static float[]? s_threadBuffer;

    /// <summary>A 64-byte aligned block of at least <paramref name="floats"/> floats, valid until the next call on this thread.</summary>
    public static float* Rent(nint floats)
    {
        var buffer = s_threadBuffer;
        if (buffer is null || buffer.Length < floats + AlignFloats)
        {
            buffer = GC.AllocateUninitializedArray<float>((int)floats + AlignFloats, pinned: true);
            s_threadBuffer = buffer;
        }

        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((start + 63) & ~(nint)63);
    }
}
