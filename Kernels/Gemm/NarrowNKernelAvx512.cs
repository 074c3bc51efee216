using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// AVX-512 register block of the narrow-n path: 32 rows of C (two vectors of lanes along m) by
/// <typeparamref name="TWidth"/> ≤ 12 columns, one broadcast of op(B)[p, j] per column and k step.
/// </summary>
/// <remarks>
/// For the N = 10 output layer this keeps all 16 lanes busy, where lanes along n would fill 10 of 16: 20
/// accumulators, two loads of op(A) and ten broadcast FMAs per k step. The result leaves transposed (column j of the
/// block is row j of <c>tile</c>), already scaled by alpha; the caller turns it into rows of C.
/// </remarks>
internal static unsafe class NarrowNKernelAvx512<TWidth> where TWidth : struct, INarrowWidth
{
    /// <summary>Rows of C per call: two 16-lane vectors.</summary>
    public const int Rows = 32;

    /// <summary>
    /// tile[j·32 + r] = alpha·Σ_p a[p·aStride + r]·b[p·bStride + j] for r &lt; 32, j &lt; N, summed in p order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint k, float* a, nint aStride, float* b, nint bStride, float alpha, float* tile)
    {
        Vector512<float> x0 = default, y0 = default;
        Vector512<float> x1 = default, y1 = default;
        Vector512<float> x2 = default, y2 = default;
        Vector512<float> x3 = default, y3 = default;
        Vector512<float> x4 = default, y4 = default;
        Vector512<float> x5 = default, y5 = default;
        Vector512<float> x6 = default, y6 = default;
        Vector512<float> x7 = default, y7 = default;
        Vector512<float> x8 = default, y8 = default;
        Vector512<float> x9 = default, y9 = default;
        Vector512<float> x10 = default, y10 = default;
        Vector512<float> x11 = default, y11 = default;
        for (nint p = 0; p < k; p++, a += aStride, b += bStride)
        {
            var lo = Vector512.Load(a);
            var hi = Vector512.Load(a + 16);
            { var s = Vector512.Create(b[0]); x0 = Vector512.FusedMultiplyAdd(lo, s, x0); y0 = Vector512.FusedMultiplyAdd(hi, s, y0); }
            if (TWidth.N > 1) { var s = Vector512.Create(b[1]); x1 = Vector512.FusedMultiplyAdd(lo, s, x1); y1 = Vector512.FusedMultiplyAdd(hi, s, y1); }
            if (TWidth.N > 2) { var s = Vector512.Create(b[2]); x2 = Vector512.FusedMultiplyAdd(lo, s, x2); y2 = Vector512.FusedMultiplyAdd(hi, s, y2); }
            if (TWidth.N > 3) { var s = Vector512.Create(b[3]); x3 = Vector512.FusedMultiplyAdd(lo, s, x3); y3 = Vector512.FusedMultiplyAdd(hi, s, y3); }
            if (TWidth.N > 4) { var s = Vector512.Create(b[4]); x4 = Vector512.FusedMultiplyAdd(lo, s, x4); y4 = Vector512.FusedMultiplyAdd(hi, s, y4); }
            if (TWidth.N > 5) { var s = Vector512.Create(b[5]); x5 = Vector512.FusedMultiplyAdd(lo, s, x5); y5 = Vector512.FusedMultiplyAdd(hi, s, y5); }
            if (TWidth.N > 6) { var s = Vector512.Create(b[6]); x6 = Vector512.FusedMultiplyAdd(lo, s, x6); y6 = Vector512.FusedMultiplyAdd(hi, s, y6); }
            if (TWidth.N > 7) { var s = Vector512.Create(b[7]); x7 = Vector512.FusedMultiplyAdd(lo, s, x7); y7 = Vector512.FusedMultiplyAdd(hi, s, y7); }
            if (TWidth.N > 8) { var s = Vector512.Create(b[8]); x8 = Vector512.FusedMultiplyAdd(lo, s, x8); y8 = Vector512.FusedMultiplyAdd(hi, s, y8); }
            if (TWidth.N > 9) { var s = Vector512.Create(b[9]); x9 = Vector512.FusedMultiplyAdd(lo, s, x9); y9 = Vector512.FusedMultiplyAdd(hi, s, y9); }
            if (TWidth.N > 10) { var s = Vector512.Create(b[10]); x10 = Vector512.FusedMultiplyAdd(lo, s, x10); y10 = Vector512.FusedMultiplyAdd(hi, s, y10); }
            if (TWidth.N > 11) { var s = Vector512.Create(b[11]); x11 = Vector512.FusedMultiplyAdd(lo, s, x11); y11 = Vector512.FusedMultiplyAdd(hi, s, y11); }
        }

        var va = Vector512.Create(alpha);
        { (va * x0).Store(tile + 0); (va * y0).Store(tile + 16); }
        if (TWidth.N > 1) { (va * x1).Store(tile + 32); (va * y1).Store(tile + 48); }
        if (TWidth.N > 2) { (va * x2).Store(tile + 64); (va * y2).Store(tile + 80); }
        if (TWidth.N > 3) { (va * x3).Store(tile + 96); (va * y3).Store(tile + 112); }
        if (TWidth.N > 4) { (va * x4).Store(tile + 128); (va * y4).Store(tile + 144); }
        if (TWidth.N > 5) { (va * x5).Store(tile + 160); (va * y5).Store(tile + 176); }
        if (TWidth.N > 6) { (va * x6).Store(tile + 192); (va * y6).Store(tile + 208); }
        if (TWidth.N > 7) { (va * x7).Store(tile + 224); (va * y7).Store(tile + 240); }
        if (TWidth.N > 8) { (va * x8).Store(tile + 256); (va * y8).Store(tile + 272); }
        if (TWidth.N > 9) { (va * x9).Store(tile + 288); (va * y9).Store(tile + 304); }
        if (TWidth.N > 10) { (va * x10).Store(tile + 320); (va * y10).Store(tile + 336); }
        if (TWidth.N > 11) { (va * x11).Store(tile + 352); (va * y11).Store(tile + 368); }
    }
}
