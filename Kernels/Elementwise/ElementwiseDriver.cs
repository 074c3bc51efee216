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
/// (the next layer), so it stays in cache. The unary streaming loop also prefetches its input
/// <see cref="PrefetchDistance"/> floats ahead.
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

    /// <summary>
    /// How far ahead of its loads, in floats (8 KB), the unary streaming loop prefetches its input. Measured on the same
    /// loop standalone (ReLU over 4 Mi floats, AVX-512, Zen 4, medians of 31 interleaved samples in one process,
    /// 2026-11-24): 04:29:52 UTC, without 643 µs, 1024 ahead 635, 2048 630, 4096 632, 8192 635 (a second process: 657,
    /// 652, 642, 642, 642); 04:29:21, a slower stretch of the shared machine, where the hardware prefetchers alone fall
    /// further behind: 866 → 700 µs at 2048 (two processes: 758 → 647). The binary loop does not prefetch: ReLU′ over
    /// two 4 Mi inputs got slower with it (04:33 UTC: 1529 → 1775 µs prefetching both, 1774 one; 967 → 1037 in a second
    /// process).
    /// </summary>
    private const nuint PrefetchDistance = 2048;

    /// <summary>Asks for the cache lines of <paramref name="floats"/> (16, 32 or 64) floats at <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(float* p, nuint floats)
    {
        if (!Sse.IsSupported) return;
        Sse.Prefetch0(p);
        if (floats > 16) Sse.Prefetch0(p + 16);
        if (floats > 32)
        {
            Sse.Prefetch0(p + 32);
            Sse.Prefetch0(p + 48);
        }
    }

    /// <summary>Where a streaming loop stops prefetching, so that no prefetch reaches past its input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint PrefetchEnd(nuint length) => length > PrefetchDistance ? length - PrefetchDistance : 0;

    /// <summary>Orders streaming stores before whatever the caller does next (they are weakly ordered on x64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StreamingStoresDone()
    {
        if (Sse.IsSupported) Sse.StoreFence();
    }
}
