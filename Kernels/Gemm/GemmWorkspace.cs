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

    [ThreadStatic]
    private static float[]? s_sharedBuffer;

    [ThreadStatic]
    private static int[]? s_sharedStates;

    /// <summary>A 64-byte aligned block of at least <paramref name="floats"/> floats, valid until the next call on this thread.</summary>
    public static float* Rent(nint floats) => Aligned(ref s_threadBuffer, floats);

    /// <summary>
    /// A second block, for the packed op(B) a parallel region shares (<see cref="SharedPackedB"/>): rented by the
    /// region's caller, whose own part rents <see cref="Rent"/> at the same time.
    /// </summary>
    public static float* RentShared(nint floats) => Aligned(ref s_sharedBuffer, floats);

    /// <summary><paramref name="count"/> state words for <see cref="SharedPackedB"/>, zeroed.</summary>
    public static int* RentStates(int count)
    {
        var states = s_sharedStates;
        if (states is null || states.Length < count)
        {
            states = GC.AllocateArray<int>(count, pinned: true);
            s_sharedStates = states;
        }

        Array.Clear(states, 0, count);
        return (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(states));
    }

    private static float* Aligned(ref float[]? slot, nint floats)
    {
        var buffer = slot;
        if (buffer is null || buffer.Length < floats + AlignFloats)
        {
            buffer = GC.AllocateUninitializedArray<float>((int)floats + AlignFloats, pinned: true);
            slot = buffer;
        }

        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((start + 63) & ~(nint)63);
    }
}
