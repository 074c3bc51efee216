using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>AVX-512 micro-kernel for narrow products solved as Cᵀ = Bᵀ·Aᵀ: a 5×32 tile whose 5 rows run along the narrow n (two panels cover the N = 10 output layer exactly) and whose 32 lanes run along the batch.</summary>
internal readonly struct MicroKernel5x32Avx512 : IMicroKernel
{
    public static int MR => 5;

    public static int NR => 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha, float beta)
    {
        Vector512<float> c00 = default, c01 = default;
        Vector512<float> c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default;
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
            a = ref Unsafe.Add(ref a, 5);
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
        }
    }
}
