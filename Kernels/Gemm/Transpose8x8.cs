using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>8×8 float transpose in AVX registers, for packing panels whose source runs the other way.</summary>
/// <remarks>
/// Packing op(A) stored row-major (or op(B) stored transposed) is a transpose; done element by element it costs
/// more than the product itself for the MLP's narrow shapes. 24 shuffles move 64 floats.
/// </remarks>
internal static unsafe class Transpose8x8
{
    public static bool IsSupported => Avx.IsSupported;

    /// <summary>
    /// Reads 8 floats from each of 8 sources (<c>src + r·srcStride</c>, r &lt; 8) and writes the transposed
    /// block: row q of the output (<c>dst + q·dstStride</c>) holds element q of every source.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(float* src, nint srcStride, float* dst, nint dstStride)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + 2 * srcStride);
        var r3 = Avx.LoadVector256(src + 3 * srcStride);
        var r4 = Avx.LoadVector256(src + 4 * srcStride);
        var r5 = Avx.LoadVector256(src + 5 * srcStride);
        var r6 = Avx.LoadVector256(src + 6 * srcStride);
        var r7 = Avx.LoadVector256(src + 7 * srcStride);
        Store(r0, r1, r2, r3, r4, r5, r6, r7, 8, dst, dstStride);
    }

    /// <summary>
    /// As <see cref="Run(float*, nint, float*, nint)"/> for the first <paramref name="cols"/> ≤ 8 floats of each
    /// source (nothing past them is read) and output rows q &lt; <paramref name="cols"/> only: a narrow matrix's
    /// last rows can end at the end of its span.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(float* src, nint srcStride, int cols, float* dst, nint dstStride)
    {
        var m = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(cols)).AsSingle();
        var r0 = Avx.MaskLoad(src, m);
        var r1 = Avx.MaskLoad(src + srcStride, m);
        var r2 = Avx.MaskLoad(src + 2 * srcStride, m);
        var r3 = Avx.MaskLoad(src + 3 * srcStride, m);
        var r4 = Avx.MaskLoad(src + 4 * srcStride, m);
        var r5 = Avx.MaskLoad(src + 5 * srcStride, m);
        var r6 = Avx.MaskLoad(src + 6 * srcStride, m);
        var r7 = Avx.MaskLoad(src + 7 * srcStride, m);
        Store(r0, r1, r2, r3, r4, r5, r6, r7, cols, dst, dstStride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3,
        Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7, int cols, float* dst,
        nint dstStride)
    {
        // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves.
        var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);

        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        if (cols > 1) Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        if (cols > 2) Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(u2, u6, 0x20));
        if (cols > 3) Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(u3, u7, 0x20));
        if (cols > 4) Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(u0, u4, 0x31));
        if (cols > 5) Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(u1, u5, 0x31));
        if (cols > 6) Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(u2, u6, 0x31));
        if (cols > 7) Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(u3, u7, 0x31));
    }
}
