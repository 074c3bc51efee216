using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>128-bit micro-kernel (SSE on x64, AdvSimd on Arm64): a 6×8 C tile in 12 accumulators. Uses MultiplyAddEstimate: fused where the hardware has FMA (Arm64), multiply then add on SSE, where a software-fused multiply-add would be slow.</summary>
internal readonly struct MicroKernel6x8Vector128 : IMicroKernel
{
    public static int MR => 6;

    public static int NR => 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha, float beta)
    {
        Vector128<float> c00 = default, c01 = default;
        Vector128<float> c10 = default, c11 = default;
        Vector128<float> c20 = default, c21 = default;
        Vector128<float> c30 = default, c31 = default;
        Vector128<float> c40 = default, c41 = default;
        Vector128<float> c50 = default, c51 = default;
        for (nint p = 0; p < kc; p++)
        {
            var b0 = Vector128.LoadUnsafe(ref b);
            var b1 = Vector128.LoadUnsafe(ref b, (nuint)4);
            var a0 = Vector128.Create(Unsafe.Add(ref a, 0));
            c00 = Vector128.MultiplyAddEstimate(a0, b0, c00);
            c01 = Vector128.MultiplyAddEstimate(a0, b1, c01);
            var a1 = Vector128.Create(Unsafe.Add(ref a, 1));
            c10 = Vector128.MultiplyAddEstimate(a1, b0, c10);
            c11 = Vector128.MultiplyAddEstimate(a1, b1, c11);
            var a2 = Vector128.Create(Unsafe.Add(ref a, 2));
            c20 = Vector128.MultiplyAddEstimate(a2, b0, c20);
            c21 = Vector128.MultiplyAddEstimate(a2, b1, c21);
            var a3 = Vector128.Create(Unsafe.Add(ref a, 3));
            c30 = Vector128.MultiplyAddEstimate(a3, b0, c30);
            c31 = Vector128.MultiplyAddEstimate(a3, b1, c31);
            var a4 = Vector128.Create(Unsafe.Add(ref a, 4));
            c40 = Vector128.MultiplyAddEstimate(a4, b0, c40);
            c41 = Vector128.MultiplyAddEstimate(a4, b1, c41);
            var a5 = Vector128.Create(Unsafe.Add(ref a, 5));
            c50 = Vector128.MultiplyAddEstimate(a5, b0, c50);
            c51 = Vector128.MultiplyAddEstimate(a5, b1, c51);
            a = ref Unsafe.Add(ref a, 6);
            b = ref Unsafe.Add(ref b, ldb);
        }

        var va = Vector128.Create(alpha);
        if (beta == 0)
        {
            (va * c00).StoreUnsafe(ref c);
            (va * c01).StoreUnsafe(ref c, (nuint)4);
            (va * c10).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            (va * c11).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)4);
            (va * c20).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            (va * c21).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)4);
            (va * c30).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            (va * c31).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)4);
            (va * c40).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            (va * c41).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)4);
            (va * c50).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            (va * c51).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)4);
        }
        else
        {
            var vb = Vector128.Create(beta);
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref c), va * c00).StoreUnsafe(ref c);
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref c, (nuint)4), va * c01).StoreUnsafe(ref c, (nuint)4);
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc)), va * c10).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc));
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)4), va * c11).StoreUnsafe(ref Unsafe.Add(ref c, 1 * ldc), (nuint)4);
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc)), va * c20).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc));
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)4), va * c21).StoreUnsafe(ref Unsafe.Add(ref c, 2 * ldc), (nuint)4);
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc)), va * c30).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc));
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)4), va * c31).StoreUnsafe(ref Unsafe.Add(ref c, 3 * ldc), (nuint)4);
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc)), va * c40).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc));
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)4), va * c41).StoreUnsafe(ref Unsafe.Add(ref c, 4 * ldc), (nuint)4);
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc)), va * c50).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc));
            Vector128.MultiplyAddEstimate(vb, Vector128.LoadUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)4), va * c51).StoreUnsafe(ref Unsafe.Add(ref c, 5 * ldc), (nuint)4);
        }
    }
}
