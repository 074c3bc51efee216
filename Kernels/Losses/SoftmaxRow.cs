using System.Runtime.CompilerServices;

namespace SimdMlp.Kernels;

/// <summary>
/// The three sweeps over one softmax row of n ≥ <c>TVec.Count</c> logits: the maximum, the shifted exponentials
/// with their sum, and the normalisation into probabilities and dZ. A row is small enough to stay in L1, so three
/// sweeps with one exponential per element beat the two-sweep "online" softmax, which needs two.
/// </summary>
/// <remarks>
/// <para>
/// Each sweep runs whole vectors from the start and then one last vector at n − Count that overlaps the one before
/// (no scalar tail). Sweeps that write an array they also read (the exponentials go into dZ, then dZ is normalised
/// in place; logits may be dZ itself) compute the last vector first, from the original data, and store it last, so
/// the overlapping lanes are written with the same values twice and never computed from already-written ones.
/// Sums mask the overlapping lanes out of the last vector.
/// </para>
/// <para>
/// Sums are float vectors reduced in a fixed order, so the result is deterministic for a given width. They add
/// positive terms (or terms of one sign), so their relative error stays within about n/Count + log2(Count) roundings.
/// </para>
/// </remarks>
internal static class SoftmaxRow
{
    /// <summary>max_j z[j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max<TVec, TSum>(ref float z, nuint n)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        nuint width = (nuint)TVec.Count, last = n - width;
        var max = TVec.Load(ref z, last); // lanes seen twice do no harm to a maximum
        for (nuint i = 0; i < last; i += width)
        {
            max = TVec.Max(max, TVec.Load(ref z, i));
        }

        return TVec.MaxAcross(max);
    }

    /// <summary>e[j] = exp(z[j] − max); returns Σ e[j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ExpShifted<TVec, TSum>(ref float z, ref float e, nuint n, float max)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        nuint width = (nuint)TVec.Count, last = n - width;
        var shift = TVec.Create(max);
        var lastE = TVec.Exp(TVec.Load(ref z, last) - shift);
        var sum = lastE & TVec.LanesFrom(LossWidth.Overlap(last, TVec.Count));
        for (nuint i = 0; i < last; i += width)
        {
            var ei = TVec.Exp(TVec.Load(ref z, i) - shift);
            TVec.Store(ei, ref e, i);
            sum += ei;
        }

        TVec.Store(lastE, ref e, last);
        return TVec.SumAcross(sum);
    }

    /// <summary>
    /// e[j] = exp(z[j] − max); returns Σ e[j], and also <paramref name="shiftedDot"/> = Σ y[j]·(z[j] − max) and
    /// <paramref name="targetSum"/> = Σ y[j], from which the row's loss follows without cancellation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ExpShifted<TVec, TSum>(ref float z, ref float y, ref float e, nuint n, float max,
        out float shiftedDot, out float targetSum)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        nuint width = (nuint)TVec.Count, last = n - width;
        var shift = TVec.Create(max);
        var fresh = TVec.LanesFrom(LossWidth.Overlap(last, TVec.Count));
        var lastShifted = TVec.Load(ref z, last) - shift;
        var lastY = TVec.Load(ref y, last);
        var lastE = TVec.Exp(lastShifted);
        var sum = lastE & fresh;
        var dot = (lastY * lastShifted) & fresh; // masked after the product: 0·(−∞) would be NaN
        var ySum = lastY & fresh;
        for (nuint i = 0; i < last; i += width)
        {
            var shifted = TVec.Load(ref z, i) - shift;
            var yi = TVec.Load(ref y, i);
            var ei = TVec.Exp(shifted);
            TVec.Store(ei, ref e, i);
            sum += ei;
            dot += yi * shifted;
            ySum += yi;
        }

        TVec.Store(lastE, ref e, last);
        shiftedDot = TVec.SumAcross(dot);
        targetSum = TVec.SumAcross(ySum);
        return TVec.SumAcross(sum);
    }

    /// <summary>
    /// p[j] = e[j]·inverseSum, then dZ[j] = p[j]·inverseBatch (a zero target everywhere; the caller fixes the
    /// label's element). The exponentials e are read from <paramref name="dz"/>'s row; <paramref name="p"/> may be
    /// that row too, when the caller wants no probabilities (p is stored first, then overwritten by dZ).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize<TVec, TSum>(ref float dz, ref float p, nuint n, float inverseSum, float inverseBatch)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        nuint width = (nuint)TVec.Count, last = n - width;
        var scale = TVec.Create(inverseSum);
        var perBatch = TVec.Create(inverseBatch);
        var lastP = TVec.Load(ref dz, last) * scale;
        for (nuint i = 0; i < last; i += width)
        {
            var pi = TVec.Load(ref dz, i) * scale;
            TVec.Store(pi, ref p, i);
            TVec.Store(pi * perBatch, ref dz, i);
        }

        TVec.Store(lastP, ref p, last);
        TVec.Store(lastP * perBatch, ref dz, last);
    }

    /// <summary>
    /// p[j] = e[j]·inverseSum, then dZ[j] = (p[j] − y[j])·inverseBatch. The exponentials e are
    /// read from <paramref name="dz"/>'s row; <paramref name="p"/> may be that row too (see the label overload).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize<TVec, TSum>(ref float dz, ref float y, ref float p, nuint n, float inverseSum,
        float inverseBatch)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        nuint width = (nuint)TVec.Count, last = n - width;
        var scale = TVec.Create(inverseSum);
        var perBatch = TVec.Create(inverseBatch);
        var lastP = TVec.Load(ref dz, last) * scale;
        var lastDz = (lastP - TVec.Load(ref y, last)) * perBatch;
        for (nuint i = 0; i < last; i += width)
        {
            var pi = TVec.Load(ref dz, i) * scale;
            TVec.Store(pi, ref p, i);
            TVec.Store((pi - TVec.Load(ref y, i)) * perBatch, ref dz, i);
        }

        TVec.Store(lastP, ref p, last);
        TVec.Store(lastDz, ref dz, last);
    }
}
