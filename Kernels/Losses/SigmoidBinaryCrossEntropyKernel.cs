using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// Sigmoid + binary cross-entropy, elementwise over the whole [batch, n] buffer, with arguments already validated.
/// </summary>
/// <remarks>
/// Per element, with e = exp(−|z|) ∈ (0, 1], which never overflows:
/// loss = max(z, 0) − z·y + log1p(e), σ = 1/(1 + e) for z ≥ 0 and e/(1 + e) for z &lt; 0, dZ = (σ − y)/m.
/// So |z| = 1e4 gives e = 0, σ ∈ {0, 1} and an exact loss, with no NaN or infinity. log1p(e) comes from
/// <see cref="Log1pUnit"/>, accurate for tiny e too, where ln(1 + e) would round to 0. Loss terms add up in double.
/// </remarks>
internal static class SigmoidBinaryCrossEntropyKernel
{
    /// <summary><paramref name="probabilities"/> may be <paramref name="dLogits"/> itself when not wanted.</summary>
    public static float Run(SimdPath path, ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        Span<float> probabilities, Span<float> dLogits) => logits.Length == 0 ? 0f : LossWidth.For(path, logits.Length) switch
        {
            16 => Run<LossVector512, Vector512<double>>(logits, targets, batch, probabilities, dLogits),
            8 => Run<LossVector256, Vector256<double>>(logits, targets, batch, probabilities, dLogits),
            4 => Run<LossVector128, Vector128<double>>(logits, targets, batch, probabilities, dLogits),
            _ => Run<LossScalar, double>(logits, targets, batch, probabilities, dLogits),
        };

    private static float Run<TVec, TSum>(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        Span<float> probabilities, Span<float> dLogits)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        ref float z = ref MemoryMarshal.GetReference(logits);
        ref float y = ref MemoryMarshal.GetReference(targets);
        ref float p = ref MemoryMarshal.GetReference(probabilities);
        ref float dz = ref MemoryMarshal.GetReference(dLogits);
        nuint width = (nuint)TVec.Count, last = (nuint)logits.Length - width;
        var inverseBatch = TVec.Create((float)(1.0 / batch));

        // The last vector first, from the original data (the outputs may be the logits), stored last.
        var lastLoss = Element<TVec, TSum>(TVec.Load(ref z, last), TVec.Load(ref y, last), inverseBatch,
            out var lastP, out var lastDz);
        var sum = TVec.Accumulate(default, lastLoss & TVec.LanesFrom(LossWidth.Overlap(last, TVec.Count)));
        for (nuint i = 0; i < last; i += width)
        {
            var loss = Element<TVec, TSum>(TVec.Load(ref z, i), TVec.Load(ref y, i), inverseBatch, out var pi, out var dzi);
            TVec.Store(pi, ref p, i);
            TVec.Store(dzi, ref dz, i);
            sum = TVec.Accumulate(sum, loss);
        }

        TVec.Store(lastP, ref p, last);
        TVec.Store(lastDz, ref dz, last);
        return (float)(TVec.Total(sum) / batch);
    }

    /// <summary>Returns the loss term; <paramref name="probability"/> = σ(z), <paramref name="dz"/> = (σ − y)/m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Element<TVec, TSum>(TVec z, TVec y, TVec inverseBatch, out TVec probability, out TVec dz)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        var one = TVec.Create(1f);
        var e = TVec.Exp(TVec.Zero - TVec.Abs(z));
        var r = one / (one + e);
        probability = TVec.Select(TVec.GreaterThanOrEqual(z, TVec.Zero), r, e * r);
        dz = (probability - y) * inverseBatch;
        return TVec.Max(z, TVec.Zero) - z * y + Log1pUnit.Invoke<TVec, TSum>(e);
    }
}
