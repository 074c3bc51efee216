using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>16×16 float transpose in AVX-512 registers, with ragged edges read and written under masks.</summary>
/// <remarks>
/// The narrow-n path runs its lanes along m, so its operands and results cross between "rows along k" and
/// "lanes along m" layouts; element by element that costs as much as the product. 64 shuffles move 256 floats.
/// </remarks>
internal static unsafe class Transpose16x16
{
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// Reads <paramref name="cols"/> floats of each of the first <paramref name="rows"/> sources
    /// (<c>src + r·srcStride</c>, r &lt; rows ≤ 16; missing rows and columns read as 0, nothing past them is touched),
    /// and writes output rows q &lt; <paramref name="cols"/> ≤ 16 (<c>dst + q·dstStride</c>, 16 floats each):
    /// lane r of row q is element q of source r.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(float* src, nint srcStride, int rows, int cols, float* dst, nint dstStride)
    {
        var m = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle();
        var z = Vector512<float>.Zero;
        var r0 = rows > 0 ? Avx512F.MaskLoad(src, m, z) : z;
        var r1 = rows > 1 ? Avx512F.MaskLoad(src + srcStride, m, z) : z;
        var r2 = rows > 2 ? Avx512F.MaskLoad(src + 2 * srcStride, m, z) : z;
        var r3 = rows > 3 ? Avx512F.MaskLoad(src + 3 * srcStride, m, z) : z;
        var r4 = rows > 4 ? Avx512F.MaskLoad(src + 4 * srcStride, m, z) : z;
        var r5 = rows > 5 ? Avx512F.MaskLoad(src + 5 * srcStride, m, z) : z;
        var r6 = rows > 6 ? Avx512F.MaskLoad(src + 6 * srcStride, m, z) : z;
        var r7 = rows > 7 ? Avx512F.MaskLoad(src + 7 * srcStride, m, z) : z;
        var r8 = rows > 8 ? Avx512F.MaskLoad(src + 8 * srcStride, m, z) : z;
        var r9 = rows > 9 ? Avx512F.MaskLoad(src + 9 * srcStride, m, z) : z;
        var r10 = rows > 10 ? Avx512F.MaskLoad(src + 10 * srcStride, m, z) : z;
        var r11 = rows > 11 ? Avx512F.MaskLoad(src + 11 * srcStride, m, z) : z;
        var r12 = rows > 12 ? Avx512F.MaskLoad(src + 12 * srcStride, m, z) : z;
        var r13 = rows > 13 ? Avx512F.MaskLoad(src + 13 * srcStride, m, z) : z;
        var r14 = rows > 14 ? Avx512F.MaskLoad(src + 14 * srcStride, m, z) : z;
        var r15 = rows > 15 ? Avx512F.MaskLoad(src + 15 * srcStride, m, z) : z;

        // Interleave pairs of rows (32-bit), then pairs of pairs (64-bit), then 128-bit blocks twice.
        var t0 = Avx512F.UnpackLow(r0, r1); var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3); var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5); var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7); var t7 = Avx512F.UnpackHigh(r6, r7);
        var t8 = Avx512F.UnpackLow(r8, r9); var t9 = Avx512F.UnpackHigh(r8, r9);
        var t10 = Avx512F.UnpackLow(r10, r11); var t11 = Avx512F.UnpackHigh(r10, r11);
        var t12 = Avx512F.UnpackLow(r12, r13); var t13 = Avx512F.UnpackHigh(r12, r13);
        var t14 = Avx512F.UnpackLow(r14, r15); var t15 = Avx512F.UnpackHigh(r14, r15);

        var u0 = Lo64(t0, t2); var u1 = Hi64(t0, t2); var u2 = Lo64(t1, t3); var u3 = Hi64(t1, t3);
        var u4 = Lo64(t4, t6); var u5 = Hi64(t4, t6); var u6 = Lo64(t5, t7); var u7 = Hi64(t5, t7);
        var u8 = Lo64(t8, t10); var u9 = Hi64(t8, t10); var u10 = Lo64(t9, t11); var u11 = Hi64(t9, t11);
        var u12 = Lo64(t12, t14); var u13 = Hi64(t12, t14); var u14 = Lo64(t13, t15); var u15 = Hi64(t13, t15);

        var v0 = Avx512F.Shuffle4x128(u0, u4, 0x88); var v1 = Avx512F.Shuffle4x128(u1, u5, 0x88);
        var v2 = Avx512F.Shuffle4x128(u2, u6, 0x88); var v3 = Avx512F.Shuffle4x128(u3, u7, 0x88);
        var v4 = Avx512F.Shuffle4x128(u0, u4, 0xDD); var v5 = Avx512F.Shuffle4x128(u1, u5, 0xDD);
        var v6 = Avx512F.Shuffle4x128(u2, u6, 0xDD); var v7 = Avx512F.Shuffle4x128(u3, u7, 0xDD);
        var v8 = Avx512F.Shuffle4x128(u8, u12, 0x88); var v9 = Avx512F.Shuffle4x128(u9, u13, 0x88);
        var v10 = Avx512F.Shuffle4x128(u10, u14, 0x88); var v11 = Avx512F.Shuffle4x128(u11, u15, 0x88);
        var v12 = Avx512F.Shuffle4x128(u8, u12, 0xDD); var v13 = Avx512F.Shuffle4x128(u9, u13, 0xDD);
        var v14 = Avx512F.Shuffle4x128(u10, u14, 0xDD); var v15 = Avx512F.Shuffle4x128(u11, u15, 0xDD);

        Avx512F.Store(dst, Avx512F.Shuffle4x128(v0, v8, 0x88));
        if (cols > 1) Avx512F.Store(dst + dstStride, Avx512F.Shuffle4x128(v1, v9, 0x88));
        if (cols > 2) Avx512F.Store(dst + 2 * dstStride, Avx512F.Shuffle4x128(v2, v10, 0x88));
        if (cols > 3) Avx512F.Store(dst + 3 * dstStride, Avx512F.Shuffle4x128(v3, v11, 0x88));
        if (cols > 4) Avx512F.Store(dst + 4 * dstStride, Avx512F.Shuffle4x128(v4, v12, 0x88));
        if (cols > 5) Avx512F.Store(dst + 5 * dstStride, Avx512F.Shuffle4x128(v5, v13, 0x88));
        if (cols > 6) Avx512F.Store(dst + 6 * dstStride, Avx512F.Shuffle4x128(v6, v14, 0x88));
        if (cols > 7) Avx512F.Store(dst + 7 * dstStride, Avx512F.Shuffle4x128(v7, v15, 0x88));
        if (cols > 8) Avx512F.Store(dst + 8 * dstStride, Avx512F.Shuffle4x128(v0, v8, 0xDD));
        if (cols > 9) Avx512F.Store(dst + 9 * dstStride, Avx512F.Shuffle4x128(v1, v9, 0xDD));
        if (cols > 10) Avx512F.Store(dst + 10 * dstStride, Avx512F.Shuffle4x128(v2, v10, 0xDD));
        if (cols > 11) Avx512F.Store(dst + 11 * dstStride, Avx512F.Shuffle4x128(v3, v11, 0xDD));
        if (cols > 12) Avx512F.Store(dst + 12 * dstStride, Avx512F.Shuffle4x128(v4, v12, 0xDD));
        if (cols > 13) Avx512F.Store(dst + 13 * dstStride, Avx512F.Shuffle4x128(v5, v13, 0xDD));
        if (cols > 14) Avx512F.Store(dst + 14 * dstStride, Avx512F.Shuffle4x128(v6, v14, 0xDD));
        if (cols > 15) Avx512F.Store(dst + 15 * dstStride, Avx512F.Shuffle4x128(v7, v15, 0xDD));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Lo64(Vector512<float> a, Vector512<float> b) =>
        Avx512F.UnpackLow(a.AsDouble(), b.AsDouble()).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Hi64(Vector512<float> a, Vector512<float> b) =>
        Avx512F.UnpackHigh(a.AsDouble(), b.AsDouble()).AsSingle();
}
