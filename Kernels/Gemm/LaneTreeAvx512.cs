using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// The steps of the shuffle/add tree that sums the sixteen lanes of several accumulators at once, leaving the sum of
/// accumulator j in lane j (the dot-product kernels with lanes along k). Each step adds lanes of one input only to
/// lanes of the same input, the same way for every input, so an element's bits never depend on its neighbours.
/// </summary>
internal static class LaneTreeAvx512
{
    /// <summary>Per 128-bit block: [a₀+a₂, b₀+b₂, a₁+a₃, b₁+b₃].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pair32(Vector512<float> a, Vector512<float> b) =>
        Avx512F.UnpackLow(a, b) + Avx512F.UnpackHigh(a, b);

    /// <summary>Per 128-bit block: the 64-bit halves of a and b added pairwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pair64(Vector512<float> a, Vector512<float> b) =>
        Avx512F.UnpackLow(a.AsDouble(), b.AsDouble()).AsSingle() + Avx512F.UnpackHigh(a.AsDouble(), b.AsDouble()).AsSingle();

    /// <summary>Blocks [a₀+a₁, a₂+a₃, b₀+b₁, b₂+b₃] of 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pair128(Vector512<float> a, Vector512<float> b) =>
        Avx512F.Shuffle4x128(a, b, 0x88) + Avx512F.Shuffle4x128(a, b, 0xDD);
}
