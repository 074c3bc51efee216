using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>The per-row passes of <see cref="Softmax"/>: max, shifted exp with sum, scale, dot.</summary>
/// <remarks>
/// Sums take the widest vectors first, then narrower ones, then scalars, one accumulator per width, each reduced
/// with the runtime's lane sum: a fixed order for a given ISA path.
/// </remarks>
internal static class SoftmaxPasses
{
    /// <summary>max of x[0..n), n ≥ 1. NaN inputs may or may not win (the caller's exp turns them into NaN anyway).</summary>
    public static float Max(ref float x, nuint n)
    {
        if (Width512.IsAccelerated && n >= Width512.Count) return Max<Width512, Vector512<float>>(ref x, n);
        if (Width256.IsAccelerated && n >= Width256.Count) return Max<Width256, Vector256<float>>(ref x, n);
        if (Width128.IsAccelerated && n >= Width128.Count) return Max<Width128, Vector128<float>>(ref x, n);

        float max = x;
        for (nuint j = 1; j < n; j++) max = MathF.Max(max, Unsafe.Add(ref x, j));
        return max;
    }

    /// <summary>n ≥ one vector. Max is idempotent, so the tail re-reads an overlapping last vector.</summary>
    private static float Max<TW, TV>(ref float x, nuint n)
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        TV m0 = TW.Load(ref x, n - TW.Count), m1 = m0;
        nuint j = 0;
        for (; j + 2 * TW.Count <= n; j += 2 * TW.Count)
        {
            m0 = TW.MaxNative(m0, TW.Load(ref x, j));
            m1 = TW.MaxNative(m1, TW.Load(ref x, j + TW.Count));
        }

        if (j + TW.Count <= n) m0 = TW.MaxNative(m0, TW.Load(ref x, j));
        return TW.MaxAcross(TW.MaxNative(m0, m1));
    }

    /// <summary>a[j] = e^(z[j] − max); returns Σ a[j]. In place (a = z) is safe: each element is read before it is written.</summary>
    public static float ExpShiftedAndSum(ref float z, float max, ref float a, nuint n)
    {
        var op = new ExpShiftedOperator(max);
        float sum = 0f;
        nuint j = 0;
        if (Width512.IsAccelerated) j = ExpShiftedAndSum<Width512, Vector512<float>>(op, ref z, ref a, j, n, ref sum);
        if (Width256.IsAccelerated) j = ExpShiftedAndSum<Width256, Vector256<float>>(op, ref z, ref a, j, n, ref sum);
        if (Width128.IsAccelerated) j = ExpShiftedAndSum<Width128, Vector128<float>>(op, ref z, ref a, j, n, ref sum);
        for (; j < n; j++)
        {
            float e = op.Invoke(Unsafe.Add(ref z, j));
            Unsafe.Add(ref a, j) = e;
            sum += e;
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint ExpShiftedAndSum<TW, TV>(ExpShiftedOperator op, ref float z, ref float a, nuint j, nuint n, ref float sum)
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        TV acc = TW.Zero;
        for (; j + TW.Count <= n; j += TW.Count)
        {
            TV e = TW.Invoke(op, TW.Load(ref z, j));
            TW.Store(e, ref a, j);
            acc = TW.Add(acc, e);
        }

        sum += TW.Sum(acc);
        return j;
    }

    /// <summary>a[j] *= factor, in place.</summary>
    public static void Scale(ref float a, float factor, nuint n)
    {
        Span<float> row = MemoryMarshal.CreateSpan(ref a, (int)n);
        ElementwiseDriver.Unary(new MultiplyByScalarOperator(factor), row, row);
    }

    /// <summary>Σ x[j] y[j].</summary>
    public static float Dot(ref float x, ref float y, nuint n)
    {
        float sum = 0f;
        nuint j = 0;
        if (Width512.IsAccelerated) j = Dot<Width512, Vector512<float>>(ref x, ref y, j, n, ref sum);
        if (Width256.IsAccelerated) j = Dot<Width256, Vector256<float>>(ref x, ref y, j, n, ref sum);
        if (Width128.IsAccelerated) j = Dot<Width128, Vector128<float>>(ref x, ref y, j, n, ref sum);
        for (; j < n; j++) sum += Unsafe.Add(ref x, j) * Unsafe.Add(ref y, j);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint Dot<TW, TV>(ref float x, ref float y, nuint j, nuint n, ref float sum)
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        TV acc = TW.Zero;
        for (; j + TW.Count <= n; j += TW.Count) acc = TW.MultiplyAdd(TW.Load(ref x, j), TW.Load(ref y, j), acc);
        sum += TW.Sum(acc);
        return j;
    }
}
