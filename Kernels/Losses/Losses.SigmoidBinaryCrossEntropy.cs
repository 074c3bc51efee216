namespace SimdMlp.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Sigmoid + binary cross-entropy from logits:
    /// L = −1/m · Σ [y·log σ(z) + (1 − y)·log(1 − σ(z))] = 1/m · Σ [max(z, 0) − z·y + log(1 + e^(−|z|))],
    /// dZ = (σ(Z) − Y)/m. The second form is exact and finite for any |z| (1e4 included).
    /// </summary>
    /// <param name="logits">Z, [batch, n] row-major.</param>
    /// <param name="targets">Y in [0, 1], the same shape as <paramref name="logits"/>.</param>
    /// <param name="batch">m, the number of rows (the loss is a sum over all elements divided by m).</param>
    /// <param name="dLogits">Receives dZ, [batch, n]; may be <paramref name="logits"/> itself.</param>
    /// <returns>The binary cross-entropy summed over outputs and averaged over the batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">batch is negative.</exception>
    /// <exception cref="ArgumentException">
    /// logits is not batch equal rows, targets has another length, dLogits is too short or overlaps logits (other
    /// than in place) or targets.
    /// </exception>
    public static float SigmoidBinaryCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        Span<float> dLogits)
    {
        LossArguments.Rows(logits, nameof(logits), targets, batch, atLeastOneColumn: false);
        LossArguments.Output(dLogits, nameof(dLogits), logits, nameof(logits), targets);
        return SigmoidBinaryCrossEntropyKernel.Run(SimdCapabilities.ActivePath, logits, targets, batch, dLogits, dLogits);
    }

    /// <summary>
    /// Sigmoid + binary cross-entropy from logits, also writing the probabilities Ŷ = σ(Z):
    /// L = 1/m · Σ [max(z, 0) − z·y + log(1 + e^(−|z|))], dZ = (Ŷ − Y)/m.
    /// </summary>
    /// <param name="logits">Z, [batch, n] row-major.</param>
    /// <param name="targets">Y in [0, 1], the same shape as <paramref name="logits"/>.</param>
    /// <param name="batch">m, the number of rows (the loss is a sum over all elements divided by m).</param>
    /// <param name="probabilities">Receives Ŷ = σ(Z), [batch, n]; may be <paramref name="logits"/> itself.</param>
    /// <param name="dLogits">Receives dZ, [batch, n]; may be <paramref name="logits"/> itself.</param>
    /// <returns>The binary cross-entropy summed over outputs and averaged over the batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">batch is negative.</exception>
    /// <exception cref="ArgumentException">
    /// logits is not batch equal rows, targets has another length, an output is too short or overlaps logits
    /// (other than in place) or targets, or the outputs overlap each other.
    /// </exception>
    public static float SigmoidBinaryCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        Span<float> probabilities, Span<float> dLogits)
    {
        LossArguments.Rows(logits, nameof(logits), targets, batch, atLeastOneColumn: false);
        LossArguments.Output(probabilities, nameof(probabilities), logits, nameof(logits), targets);
        LossArguments.Output(dLogits, nameof(dLogits), logits, nameof(logits), targets);
        LossArguments.Apart(probabilities, dLogits, logits.Length);
        return SigmoidBinaryCrossEntropyKernel.Run(SimdCapabilities.ActivePath, logits, targets, batch, probabilities,
            dLogits);
    }
}
