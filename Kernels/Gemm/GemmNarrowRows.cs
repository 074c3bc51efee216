using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>
/// Narrow C (n ≤ 16) with one masked AVX-512 vector of lanes along n per row of C: nothing is packed (op(B) only
/// when stored transposed) and nothing is transposed, so it wins wherever the transposes of
/// <see cref="GemmNarrowN"/> cost more than the idle lanes: small k (the k = 1 outer product of a batch-1 weight
/// gradient), and op(A) stored row-major, whose rows would have to be transposed to run lanes along m.
/// </summary>
/// <remarks>
/// Eight rows at a time share each load of op(B)'s row and keep eight FMA chains in flight. Each element is one lane
/// summing p in order, whatever rows a thread gets.
/// </remarks>
internal static unsafe class GemmNarrowRows
{
    /// <summary>
    /// C[i0..i1, :] = alpha·op(A)[i0..i1, :]·op(B) + beta·C[i0..i1, :], for 1 ≤ n ≤ 16 and k ≥ 1, then
    /// <paramref name="epilogue"/> on each row in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TEpilogue>(int i0, int i1, int n, int k, float alpha, StridedMatrix a, StridedMatrix b,
        float beta, StridedMatrix c, in TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(n)).AsSingle();
        var z = Vector512<float>.Zero;
        // op(B) (k×n, small) into rows of 16 lanes, zero past n: the loops then load it without a mask.
        float* bp0 = GemmWorkspace.Rent(((nint)k + 15) / 16 * 16 * 16);
        if (b.ColStride == 1)
        {
            float* src = b.Data;
            for (int p = 0; p < k; p++, src += b.RowStride) Avx512F.MaskLoad(src, mask, z).Store(bp0 + (nint)p * 16);
        }
        else
        {
            // op(B)[p, j] = b[p + j·ColStride]: transpose n rows of k.
            for (int p0 = 0; p0 < k; p0 += 16)
                Transpose16x16.Run(b.At(p0, 0), b.ColStride, n, Math.Min(16, k - p0), bp0 + (nint)p0 * 16, 16);
        }

        nint rs = a.RowStride, cs = a.ColStride;
        var va = Vector512.Create(alpha);
        var vb = Vector512.Create(beta);
        int i = i0;
        for (; i + 8 <= i1; i += 8)
        {
            float* a0 = a.At(i, 0), a4 = a0 + 4 * rs, bp = bp0;
            nint rs2 = 2 * rs, rs3 = 3 * rs;
            Vector512<float> s0 = z, s1 = z, s2 = z, s3 = z, s4 = z, s5 = z, s6 = z, s7 = z;
            for (int p = 0; p < k; p++, a0 += cs, a4 += cs, bp += 16)
            {
                var bv = Vector512.Load(bp);
                s0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[0]), bv, s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[rs]), bv, s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[rs2]), bv, s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[rs3]), bv, s3);
                s4 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[0]), bv, s4);
                s5 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[rs]), bv, s5);
                s6 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[rs2]), bv, s6);
                s7 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[rs3]), bv, s7);
            }

            float* c0 = c.At(i, 0);
            nint ldc = c.RowStride;
            Store(s0, va, vb, beta, c0, mask, epilogue, i + 0);
            Store(s1, va, vb, beta, c0 + ldc, mask, epilogue, i + 1);
            Store(s2, va, vb, beta, c0 + 2 * ldc, mask, epilogue, i + 2);
            Store(s3, va, vb, beta, c0 + 3 * ldc, mask, epilogue, i + 3);
            Store(s4, va, vb, beta, c0 + 4 * ldc, mask, epilogue, i + 4);
            Store(s5, va, vb, beta, c0 + 5 * ldc, mask, epilogue, i + 5);
            Store(s6, va, vb, beta, c0 + 6 * ldc, mask, epilogue, i + 6);
            Store(s7, va, vb, beta, c0 + 7 * ldc, mask, epilogue, i + 7);
        }

        for (; i < i1; i++)
        {
            float* ap = a.At(i, 0), bp = bp0;
            var s = z;
            for (int p = 0; p < k; p++, ap += cs, bp += 16) s = Vector512.FusedMultiplyAdd(Vector512.Create(*ap), Vector512.Load(bp), s);
            Store(s, va, vb, beta, c.At(i, 0), mask, epilogue, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TEpilogue>(Vector512<float> sum, Vector512<float> va, Vector512<float> vb, float beta,
        float* c, Vector512<float> mask, in TEpilogue epilogue, int row) where TEpilogue : struct, IGemmEpilogue
    {
        var r = va * sum;
        if (beta != 0) r = Vector512.FusedMultiplyAdd(vb, Avx512F.MaskLoad(c, mask, Vector512<float>.Zero), r);
        if (TEpilogue.IsActive) r = epilogue.ApplyRow(r, row, 0, mask);
        Avx512F.MaskStore(c, mask, r);
    }
}
