using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>AVX2+FMA micro-kernel: a 6×16 C tile in 12 ymm accumulators, two B vectors and one broadcast per k step (15 of 16 registers), BLIS haswell's sgemm shape transposed for row-major C.</summary>
internal readonly struct MicroKernel6x16Avx2 : IMicroKernel
{
    public static int MR => 6;

    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha, float beta)
    {
        Vector256<float> c00 = default, c01 = default;
        Vector256<float> c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default;
        Vector256<float> c50 = default, c51 = default;
        for (nint p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, (nuint)8);
            var a0 = Vector256.Create(Unsafe.Add(ref a, 0));
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a = ref Unsafe.Add(ref a, 6);
            b = ref Unsafe.Add(ref b, ldb);
        }

        var va = Vector256.Create(alpha);
        if (beta == 0)
        {
            (va * c00).StoreUnsafe(ref c);
            (va * c01).StoreUnsafe(ref c, (nuint)8);
            (va * c10).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            (va * c11).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)8);
            (va * c20).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            (va * c21).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)8);
            (va * c30).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            (va * c31).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)8);
            (va * c40).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            (va * c41).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)8);
            (va * c50).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            (va * c51).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)8);
        }
        else
        {
            var vb = Vector256.Create(beta);
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref c), va * c00).StoreUnsafe(ref c);
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref c, (nuint)8), va * c01).StoreUnsafe(ref c, (nuint)8);
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc)), va * c10).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)8), va * c11).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)8);
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc)), va * c20).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)8), va * c21).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)8);
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc)), va * c30).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)8), va * c31).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)8);
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc)), va * c40).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)8), va * c41).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)8);
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc)), va * c50).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)8), va * c51).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)8);
        }
    }
}
