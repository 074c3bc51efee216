using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// Linear head + half squared error, elementwise over the whole [batch, n] buffer, with arguments already validated:
/// d = ŷ − y, dZ = d/m, loss = Σ d²/(2m). The squares add up in double.
/// </summary>
internal static class HalfSquaredErrorKernel
{
    public static float Run(SimdPath path, ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, int batch,
        Span<float> dPredictions) => predictions.Length == 0 ? 0f : LossWidth.For(path, predictions.Length) switch
        {
            16 => Run<LossVector512, Vector512<double>>(predictions, targets, batch, dPredictions),
            8 => Run<LossVector256, Vector256<double>>(predictions, targets, batch, dPredictions),
            4 => Run<LossVector128, Vector128<double>>(predictions, targets, batch, dPredictions),
            _ => Run<LossScalar, double>(predictions, targets, batch, dPredictions),
        };

    private static float Run<TVec, TSum>(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, int batch,
        Span<float> dPredictions)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        ref float yHat = ref MemoryMarshal.GetReference(predictions);
        ref float y = ref MemoryMarshal.GetReference(targets);
        ref float dz = ref MemoryMarshal.GetReference(dPredictions);
        nuint width = (nuint)TVec.Count, last = (nuint)predictions.Length - width;
        var inverseBatch = TVec.Create((float)(1.0 / batch));

        // The last vector first, from the original data (dPredictions may be predictions), stored last.
        var lastD = TVec.Load(ref yHat, last) - TVec.Load(ref y, last);
        var sum = TVec.Accumulate(default, lastD * lastD & TVec.LanesFrom(LossWidth.Overlap(last, TVec.Count)));
        for (nuint i = 0; i < last; i += width)
        {
            var d = TVec.Load(ref yHat, i) - TVec.Load(ref y, i);
            TVec.Store(d * inverseBatch, ref dz, i);
            sum = TVec.Accumulate(sum, d * d);
        }

        TVec.Store(lastD * inverseBatch, ref dz, last);
        return (float)(TVec.Total(sum) / (2.0 * batch));
    }
}
