using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

public static partial class Activation
{
    /// <summary>
    /// dZ = dA ⊙ g′(saved) over a row-major [m, n] matrix (n = <c>dBias.Length</c>) and, in the same pass,
    /// dBias[j] = Σᵢ dZ[i, j]. Reads dA and saved once.
    /// </summary>
    /// <typeparam name="TAct">The activation operator.</typeparam>
    /// <param name="activation">The operator (<c>default</c> for stateless ones).</param>
    /// <param name="dA">[m, n] gradient with respect to the activations.</param>
    /// <param name="saved">[m, n] forward value named by <see cref="IActivationOperator.Saved"/>.</param>
    /// <param name="dZ">Receives the [m, n] gradient with respect to the pre-activations; may be the same span as <paramref name="dA"/> or <paramref name="saved"/>.</param>
    /// <param name="dBias">Receives the n column sums of dZ (overwritten, not accumulated); must not overlap the other spans.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="dA"/> is not a whole number of rows of <c>dBias.Length</c>, <paramref name="saved"/> differs in
    /// length, <paramref name="dZ"/> is too short or partially overlaps an input, or <paramref name="dBias"/> overlaps
    /// any other span.
    /// </exception>
    /// <remarks>
    /// <para>
    /// Summation order is fixed and the same on every ISA path: rows in order, one float accumulator per column,
    /// dBias[j] = (((0 + dZ[0, j]) + dZ[1, j]) + …) + dZ[m−1, j]. As every element of dZ is path-independent within a
    /// process, the same input always gives the same bits. m = 0 gives dBias = 0.
    /// </para>
    /// <para>
    /// The pass goes row by row (dBias, one row long, stays in L1). Blocking several rows to cut the dBias traffic was
    /// measured slower: with the common power-of-two widths, rows 4 KiB apart map to the same L1 set, and four rows of
    /// three arrays overflow its eight ways (2.5× slower at n = 1024 on Zen 4).
    /// </para>
    /// </remarks>
    public static void BackwardWithBiasGradient<TAct>(TAct activation, ReadOnlySpan<float> dA, ReadOnlySpan<float> saved,
        Span<float> dZ, Span<float> dBias)
        where TAct : struct, IActivationOperator
    {
        SpanChecks.Rows(dA.Length, dBias.Length, nameof(dA), "dBias.Length");
        SpanChecks.SameLength(dA, saved, nameof(dA), nameof(saved));
        SpanChecks.UnaryDestination(dA, dZ, nameof(dA), nameof(dZ));
        SpanChecks.NoPartialOverlap(saved, dZ, nameof(saved), nameof(dZ));
        SpanChecks.Disjoint(dA, dBias, nameof(dA), nameof(dBias));
        SpanChecks.Disjoint(saved, dBias, nameof(saved), nameof(dBias));
        SpanChecks.Disjoint(dZ[..dA.Length], dBias, nameof(dZ), nameof(dBias));

        dBias.Clear();
        BackwardWithBiasGradientRows(new ActivationBackward<TAct>(activation), ref MemoryMarshal.GetReference(dA),
            ref MemoryMarshal.GetReference(saved), ref MemoryMarshal.GetReference(dZ), ref MemoryMarshal.GetReference(dBias),
            (nuint)dA.Length, (nuint)dBias.Length);
    }

    /// <summary>All rows of <see cref="BackwardWithBiasGradient{TAct}"/>; dBias is already zeroed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static void BackwardWithBiasGradientRows<TAct>(ActivationBackward<TAct> op, ref float dA, ref float saved, ref float dZ,
        ref float dBias, nuint length, nuint n)
        where TAct : struct, IActivationOperator
    {
        for (nuint offset = 0; offset < length; offset += n)
        {
            ref float a = ref Unsafe.Add(ref dA, offset);
            ref float s = ref Unsafe.Add(ref saved, offset);
            ref float z = ref Unsafe.Add(ref dZ, offset);
            nuint j = 0;
            if (Width512.IsAccelerated) j = OneRow<TAct, Width512, Vector512<float>>(op, ref a, ref s, ref z, ref dBias, j, n);
            if (Width256.IsAccelerated) j = OneRow<TAct, Width256, Vector256<float>>(op, ref a, ref s, ref z, ref dBias, j, n);
            if (Width128.IsAccelerated) j = OneRow<TAct, Width128, Vector128<float>>(op, ref a, ref s, ref z, ref dBias, j, n);
            for (; j < n; j++)
            {
                float g = op.Invoke(Unsafe.Add(ref a, j), Unsafe.Add(ref s, j));
                Unsafe.Add(ref z, j) = g;
                Unsafe.Add(ref dBias, j) += g;
            }
        }
    }

    /// <summary>
    /// Whole TW vectors of one row from column j on; returns the first column not done. Narrower widths and a scalar
    /// loop finish the row rather than an overlapping last vector, which would add some dZ twice into dBias.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint OneRow<TAct, TW, TV>(ActivationBackward<TAct> op, ref float dA, ref float saved, ref float dZ,
        ref float dBias, nuint j, nuint n)
        where TAct : struct, IActivationOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        for (; j + 2 * TW.Count <= n; j += 2 * TW.Count)
        {
            TV g0 = TW.Invoke(op, TW.Load(ref dA, j), TW.Load(ref saved, j));
            TV g1 = TW.Invoke(op, TW.Load(ref dA, j + TW.Count), TW.Load(ref saved, j + TW.Count));
            TW.Store(g0, ref dZ, j);
            TW.Store(g1, ref dZ, j + TW.Count);
            TW.Store(TW.Add(TW.Load(ref dBias, j), g0), ref dBias, j);
            TW.Store(TW.Add(TW.Load(ref dBias, j + TW.Count), g1), ref dBias, j + TW.Count);
        }

        for (; j + TW.Count <= n; j += TW.Count)
        {
            TV g = TW.Invoke(op, TW.Load(ref dA, j), TW.Load(ref saved, j));
            TW.Store(g, ref dZ, j);
            TW.Store(TW.Add(TW.Load(ref dBias, j), g), ref dBias, j);
        }

        return j;
    }
}
