using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// Loop drivers for elementwise operators: the widest accelerated vector (512 → 256 → 128 → scalar, chosen by
/// JIT-time constants), a 4× unrolled main loop over an aligned destination, and overlapping first and last vectors
/// for the unaligned head and the tail.
/// </summary>
/// <remarks>
/// <para>
/// The first and last vectors are computed from the input <em>before</em> the main loop stores anything, and stored
/// after it. Lanes they share with the main loop are stored twice with the same value, which keeps exact in-place
/// calls (destination = input) correct even for operators that are not idempotent (x · 2): recomputing an overlap
/// after the main loop would read already-transformed values.
/// </para>
/// <para>
/// The main loop starts where the destination is vector-aligned: loads may be unaligned, but stores that split
/// cache lines cost more. Destinations of <see cref="NonTemporalThresholdBytes"/> or more use streaming stores, which
/// skip reading each destination line before overwriting it; below that the output is likely to be read again soon
/// (the next layer), so it stays in cache.
/// </para>
/// <para>
/// The loops are compiled fully optimised on first use and never inlined (<c>AggressiveOptimization | NoInlining</c>),
/// so neither they nor a caller they are inlined into go through dynamic PGO: measured on .NET 10, tier-1 PGO code
/// for these loops was bimodal across processes, in the slow mode 4–6× slower (0.22 vs 1.3 ns per exp on Zen 4),
/// with the polynomial constants reloaded inside the loop. One call per span costs nothing measurable.
/// </para>
/// <para>
/// Inputs shorter than one vector fall to the next narrower width, down to a scalar loop for fewer than 4 elements.
/// Callers validate lengths and overlap first: the destination is at least as long as the inputs, and each input is
/// either the destination exactly (same start) or disjoint from it.
/// </para>
/// </remarks>
internal static partial class ElementwiseDriver
{
    /// <summary>
    /// 4 MiB: larger than a Zen 4 or Skylake-SP L2, where an output cannot stay cached for its next use anyway.
    /// (TensorPrimitives switches at 256 KiB; that would stream an MLP layer's activations out of L2.)
    /// </summary>
    public const nuint NonTemporalThresholdBytes = 4 << 20;

    /// <summary>
    /// Elements from <paramref name="destination"/> to the next <paramref name="width"/>-float boundary, 0 to width − 1
    /// (0 if the address is not even float-aligned). Exact only while the memory is pinned: otherwise a hint, since the
    /// GC may move an array (by multiples of 8 bytes, which keeps float alignment).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe nuint ElementsToAlignment(ref float destination, nuint width)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref destination), bytes = width * sizeof(float);
        return address % sizeof(float) != 0 ? 0 : (bytes - address % bytes) % bytes / sizeof(float);
    }

    /// <summary>Whether floats at <paramref name="destination"/> are 4-byte aligned (always, for a float[]; stable under GC moves).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe bool IsFloatAligned(ref float destination) => (nuint)Unsafe.AsPointer(ref destination) % sizeof(float) == 0;

    /// <summary>Orders streaming stores before whatever the caller does next (they are weakly ordered on x64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StreamingStoresDone()
    {
        if (Sse.IsSupported) Sse.StoreFence();
    }
}
