using System.Runtime.CompilerServices;

namespace SimdMlp.Kernels;

/// <summary>Scalar micro-kernel: a 4×4 C tile in 16 locals. The readable reference for the kernel contract.</summary>
internal readonly struct MicroKernel4x4Scalar : IMicroKernel
{
    public static int MR => 4;

    public static int NR => 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha, float beta)
    {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (nint p = 0; p < kc; p++)
        {
            float b0 = b, b1 = Unsafe.Add(ref b, 1), b2 = Unsafe.Add(ref b, 2), b3 = Unsafe.Add(ref b, 3);
            float a0 = a, a1 = Unsafe.Add(ref a, 1), a2 = Unsafe.Add(ref a, 2), a3 = Unsafe.Add(ref a, 3);
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            a = ref Unsafe.Add(ref a, 4);
            b = ref Unsafe.Add(ref b, ldb);
        }

        StoreRow(ref c, alpha, beta, c00, c01, c02, c03);
        StoreRow(ref Unsafe.Add(ref c, ldc), alpha, beta, c10, c11, c12, c13);
        StoreRow(ref Unsafe.Add(ref c, 2 * ldc), alpha, beta, c20, c21, c22, c23);
        StoreRow(ref Unsafe.Add(ref c, 3 * ldc), alpha, beta, c30, c31, c32, c33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(ref float c, float alpha, float beta, float x0, float x1, float x2, float x3)
    {
        if (beta == 0)
        {
            c = alpha * x0; Unsafe.Add(ref c, 1) = alpha * x1; Unsafe.Add(ref c, 2) = alpha * x2; Unsafe.Add(ref c, 3) = alpha * x3;
        }
        else
        {
            c = alpha * x0 + beta * c;
            Unsafe.Add(ref c, 1) = alpha * x1 + beta * Unsafe.Add(ref c, 1);
            Unsafe.Add(ref c, 2) = alpha * x2 + beta * Unsafe.Add(ref c, 2);
            Unsafe.Add(ref c, 3) = alpha * x3 + beta * Unsafe.Add(ref c, 3);
        }
    }
}
