using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>AVX-512 micro-kernel: an 8×32 C tile in 16 zmm accumulators, two B vectors and one broadcast per k step (19 of 32 registers). 8 rows divide the MLP's 64/256/784 batch and feature sizes exactly.</summary>
internal readonly struct MicroKernel8x32Avx512 : IMicroKernel
{
    public static int MR => 8;

    public static int NR => 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha, float beta)
    {
        Vector512<float> c00 = default, c01 = default;
        Vector512<float> c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default;
        Vector512<float> c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default;
        Vector512<float> c70 = default, c71 = default;
        for (nint p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, (nuint)16);
            var a0 = Vector512.Create(Unsafe.Add(ref a, 0));
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(Unsafe.Add(ref a, 4));
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(Unsafe.Add(ref a, 5));
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(Unsafe.Add(ref a, 6));
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(Unsafe.Add(ref a, 7));
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            a = ref Unsafe.Add(ref a, 8);
            b = ref Unsafe.Add(ref b, ldb);
        }

        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            (va * c00).StoreUnsafe(ref c);
            (va * c01).StoreUnsafe(ref c, (nuint)16);
            (va * c10).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            (va * c11).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)16);
            (va * c20).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            (va * c21).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)16);
            (va * c30).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            (va * c31).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)16);
            (va * c40).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            (va * c41).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)16);
            (va * c50).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            (va * c51).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)16);
            (va * c60).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc));
            (va * c61).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc), (nuint)16);
            (va * c70).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc));
            (va * c71).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc), (nuint)16);
        }
        else
        {
            var vb = Vector512.Create(beta);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref c), va * c00).StoreUnsafe(ref c);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref c, (nuint)16), va * c01).StoreUnsafe(ref c, (nuint)16);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc)), va * c10).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)16), va * c11).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)16);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc)), va * c20).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)16), va * c21).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)16);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc)), va * c30).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)16), va * c31).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)16);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc)), va * c40).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)16), va * c41).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)16);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc)), va * c50).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)16), va * c51).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)16);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 6 * ldc)), va * c60).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc));
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 6 * ldc), (nuint)16), va * c61).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc), (nuint)16);
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 7 * ldc)), va * c70).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc));
            Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 7 * ldc), (nuint)16), va * c71).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc), (nuint)16);
        }
    }
}
