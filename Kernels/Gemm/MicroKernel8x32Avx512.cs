using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>AVX-512 micro-kernel: an 8×32 C tile in 16 zmm accumulators, two B vectors and one broadcast per k step (19 of 32 registers). 8 rows divide the MLP's 64/256/784 batch and feature sizes exactly.</summary>
internal readonly struct MicroKernel8x32Avx512 : IMicroKernel
{
    public static int MR => 8;

    public static int NR => 32;

    public static bool FusesEpilogue => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha, float beta) =>
        Kernel(kc, ref a, ref b, ldb, ref c, ldc, alpha, beta, default(NoEpilogue), 0, 0);

    /// <remarks>
    /// Each value goes through the epilogue just before its one store, as the narrow kernels do: the separate pass over
    /// the stored tile reloaded and re-stored all 16 vectors and cost the [64,256]·[256,128] layer 6.6 % over the bare
    /// product; in registers, 2.2 % (41.49 → 42.42 µs) and [64,784]·[784,256] 0.3 % (BenchmarkDotNet medium job,
    /// medians, 2026-11-24 04:22-04:29 UTC). Same operations in the same order as that pass, so the same bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TEpilogue>(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha,
        float beta, in TEpilogue epilogue, int row0, int col0)
        where TEpilogue : struct, IGemmEpilogue =>
        Kernel(kc, ref a, ref b, ldb, ref c, ldc, alpha, beta, epilogue, row0, col0);

    // One body for both entry points; inlined into each, so the plain product's code is what it was (NoEpilogue's
    // ApplyVector returns its argument).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel<TEpilogue>(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha,
        float beta, TEpilogue epilogue, int row0, int col0)
        where TEpilogue : struct, IGemmEpilogue
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
            epilogue.ApplyVector(va * c00, row0 + 0, col0).StoreUnsafe(ref c);
            epilogue.ApplyVector(va * c01, row0 + 0, col0 + 16).StoreUnsafe(ref c, (nuint)16);
            epilogue.ApplyVector(va * c10, row0 + 1, col0).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            epilogue.ApplyVector(va * c11, row0 + 1, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)16);
            epilogue.ApplyVector(va * c20, row0 + 2, col0).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            epilogue.ApplyVector(va * c21, row0 + 2, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)16);
            epilogue.ApplyVector(va * c30, row0 + 3, col0).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            epilogue.ApplyVector(va * c31, row0 + 3, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)16);
            epilogue.ApplyVector(va * c40, row0 + 4, col0).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            epilogue.ApplyVector(va * c41, row0 + 4, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)16);
            epilogue.ApplyVector(va * c50, row0 + 5, col0).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            epilogue.ApplyVector(va * c51, row0 + 5, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)16);
            epilogue.ApplyVector(va * c60, row0 + 6, col0).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc));
            epilogue.ApplyVector(va * c61, row0 + 6, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc), (nuint)16);
            epilogue.ApplyVector(va * c70, row0 + 7, col0).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc));
            epilogue.ApplyVector(va * c71, row0 + 7, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc), (nuint)16);
        }
        else
        {
            var vb = Vector512.Create(beta);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref c), va * c00), row0 + 0, col0).StoreUnsafe(ref c);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref c, (nuint)16), va * c01), row0 + 0, col0 + 16).StoreUnsafe(ref c, (nuint)16);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc)), va * c10), row0 + 1, col0).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)16), va * c11), row0 + 1, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)16);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc)), va * c20), row0 + 2, col0).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)16), va * c21), row0 + 2, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)16);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc)), va * c30), row0 + 3, col0).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)16), va * c31), row0 + 3, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)16);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc)), va * c40), row0 + 4, col0).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)16), va * c41), row0 + 4, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)16);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc)), va * c50), row0 + 5, col0).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)16), va * c51), row0 + 5, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)16);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 6 * ldc)), va * c60), row0 + 6, col0).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc));
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 6 * ldc), (nuint)16), va * c61), row0 + 6, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 6 * ldc), (nuint)16);
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 7 * ldc)), va * c70), row0 + 7, col0).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc));
            epilogue.ApplyVector(Vector512.FusedMultiplyAdd(vb, Vector512.LoadUnsafe(ref Unsafe.Add(ref c, 7 * ldc), (nuint)16), va * c71), row0 + 7, col0 + 16).StoreUnsafe(ref Unsafe.Add(ref c, 7 * ldc), (nuint)16);
        }
    }
}
