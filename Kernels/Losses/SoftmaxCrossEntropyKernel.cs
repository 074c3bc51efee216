using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// Softmax + cross-entropy over the rows of a [batch, classes] logit matrix, with arguments already validated.
/// Per row: max, shifted exponentials and their sum, then probabilities and dZ (see <see cref="SoftmaxRow"/>).
/// </summary>
/// <remarks>
/// Each row's loss is formed in double from float row sums, ln(s) − (z_label − max) or ln(s)·Σy − Σ y·(z − max),
/// which is exact up to those sums even for logits of ±1e4; rows add up in double, in row order.
/// </remarks>
internal static class SoftmaxCrossEntropyKernel
{
    /// <summary>Labels as class indices. <paramref name="probabilities"/> may be <paramref name="dLogits"/> itself when not wanted.</summary>
    public static float Run(SimdPath path, ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes,
        Span<float> probabilities, Span<float> dLogits) => labels.Length == 0 ? 0f : LossWidth.For(path, classes) switch
        {
            16 => Labels<LossVector512, Vector512<double>>(logits, labels, classes, probabilities, dLogits),
            8 => Labels<LossVector256, Vector256<double>>(logits, labels, classes, probabilities, dLogits),
            4 => Labels<LossVector128, Vector128<double>>(logits, labels, classes, probabilities, dLogits),
            _ => Labels<LossScalar, double>(logits, labels, classes, probabilities, dLogits),
        };

    /// <summary>Targets as probability (for example one-hot) rows. <paramref name="probabilities"/> may be <paramref name="dLogits"/> itself when not wanted.</summary>
    public static float Run(SimdPath path, ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        Span<float> probabilities, Span<float> dLogits)
    {
        if (batch == 0) return 0f;
        int classes = logits.Length / batch;
        return LossWidth.For(path, classes) switch
        {
            16 => Targets<LossVector512, Vector512<double>>(logits, targets, batch, classes, probabilities, dLogits),
            8 => Targets<LossVector256, Vector256<double>>(logits, targets, batch, classes, probabilities, dLogits),
            4 => Targets<LossVector128, Vector128<double>>(logits, targets, batch, classes, probabilities, dLogits),
            _ => Targets<LossScalar, double>(logits, targets, batch, classes, probabilities, dLogits),
        };
    }

    private static float Labels<TVec, TSum>(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes,
        Span<float> probabilities, Span<float> dLogits)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        nuint n = (nuint)classes;
        float inverseBatch = (float)(1.0 / labels.Length);
        ref float z = ref MemoryMarshal.GetReference(logits);
        ref float p = ref MemoryMarshal.GetReference(probabilities);
        ref float dz = ref MemoryMarshal.GetReference(dLogits);
        double total = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            nuint offset = (nuint)row * n;
            total += LabelRow<TVec, TSum>(ref Unsafe.Add(ref z, offset), labels[row], ref Unsafe.Add(ref p, offset),
                ref Unsafe.Add(ref dz, offset), n, inverseBatch);
        }

        return (float)(total / labels.Length);
    }

    private static float Targets<TVec, TSum>(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        int classes, Span<float> probabilities, Span<float> dLogits)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        nuint n = (nuint)classes;
        float inverseBatch = (float)(1.0 / batch);
        ref float z = ref MemoryMarshal.GetReference(logits);
        ref float y = ref MemoryMarshal.GetReference(targets);
        ref float p = ref MemoryMarshal.GetReference(probabilities);
        ref float dz = ref MemoryMarshal.GetReference(dLogits);
        double total = 0;
        for (int row = 0; row < batch; row++)
        {
            nuint offset = (nuint)row * n;
            total += TargetRow<TVec, TSum>(ref Unsafe.Add(ref z, offset), ref Unsafe.Add(ref y, offset),
                ref Unsafe.Add(ref p, offset), ref Unsafe.Add(ref dz, offset), n, inverseBatch);
        }

        return (float)(total / batch);
    }

    // One row per call, deliberately not inlined into the batch loop: the row's Math.Log call clobbers every vector
    // register, so with the sweeps inlined the JIT hoists the exp constants above the batch loop and then reloads
    // all of them from the stack in every iteration of the exp sweep. Here they live only within the row.

    /// <summary>The sweeps of one row with a class-index label; returns the row's loss.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double LabelRow<TVec, TSum>(ref float z, int label, ref float p, ref float dz, nuint n,
        float inverseBatch)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        float max = SoftmaxRow.Max<TVec, TSum>(ref z, n);
        double shiftedLabel = (double)Unsafe.Add(ref z, label) - max; // read now: dLogits may be logits
        float sum = SoftmaxRow.ExpShifted<TVec, TSum>(ref z, ref dz, n, max);
        float inverseSum = 1f / sum;
        float pLabel = Unsafe.Add(ref dz, label) * inverseSum; // the same product the sweep forms
        SoftmaxRow.Normalize<TVec, TSum>(ref dz, ref p, n, inverseSum, inverseBatch);
        Unsafe.Add(ref dz, label) = (pLabel - 1f) * inverseBatch;
        return Math.Log(sum) - shiftedLabel;
    }

    /// <summary>The sweeps of one row with a target row; returns the row's loss.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double TargetRow<TVec, TSum>(ref float z, ref float y, ref float p, ref float dz, nuint n,
        float inverseBatch)
        where TVec : struct, ILossVector<TVec, TSum>
        where TSum : struct
    {
        float max = SoftmaxRow.Max<TVec, TSum>(ref z, n);
        float sum = SoftmaxRow.ExpShifted<TVec, TSum>(ref z, ref y, ref dz, n, max, out float shiftedDot,
            out float targetSum);
        SoftmaxRow.Normalize<TVec, TSum>(ref dz, ref y, ref p, n, 1f / sum, inverseBatch);

        // −Σ y·log p = Σ y·(ln s − (z − max)): both parts are ≥ 0 for y ≥ 0, so nothing cancels.
        return Math.Log(sum) * targetSum - shiftedDot;
    }
}
