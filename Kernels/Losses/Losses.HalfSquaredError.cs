namespace SimdMlp.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Linear head + half squared error: L = 1/(2m) · Σ (ŷ − y)², dZ = (Ŷ − Y)/m (the head's output is Z itself).
    /// </summary>
    /// <param name="predictions">Ŷ = Z, [batch, n] row-major.</param>
    /// <param name="targets">Y, the same shape as <paramref name="predictions"/>.</param>
    /// <param name="batch">m, the number of rows (the loss is a sum over all elements divided by 2m).</param>
    /// <param name="dPredictions">Receives dZ, [batch, n]; may be <paramref name="predictions"/> itself.</param>
    /// <returns>Half the squared error, summed over outputs and averaged over the batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">batch is negative.</exception>
    /// <exception cref="ArgumentException">
    /// predictions is not batch equal rows, targets has another length, dPredictions is too short or overlaps
    /// predictions (other than in place) or targets.
    /// </exception>
    public static float HalfSquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, int batch,
        Span<float> dPredictions)
    {
        LossArguments.Rows(predictions, nameof(predictions), targets, batch, atLeastOneColumn: false);
        LossArguments.Output(dPredictions, nameof(dPredictions), predictions, nameof(predictions), targets);
        return HalfSquaredErrorKernel.Run(SimdCapabilities.ActivePath, predictions, targets, batch, dPredictions);
    }
}
