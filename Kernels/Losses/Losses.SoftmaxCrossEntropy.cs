namespace SimdMlp.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Softmax + cross-entropy with class-index labels: L = −1/m · Σᵢ log softmax(zᵢ)[labelᵢ], dZ = (softmax(Z) − Y)/m
    /// with Y the one-hot rows of the labels. Stable for any finite logits (log-sum-exp shifted by the row maximum).
    /// </summary>
    /// <param name="logits">Z, [batch, classes] row-major, batch = labels.Length.</param>
    /// <param name="labels">One class index in [0, classes) per row.</param>
    /// <param name="dLogits">Receives dZ, [batch, classes]; may be <paramref name="logits"/> itself.</param>
    /// <returns>The mean cross-entropy over the batch.</returns>
    /// <exception cref="ArgumentException">
    /// logits is not labels.Length rows of one or more classes, dLogits is too short, or it overlaps logits other than in place.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class index.</exception>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> dLogits)
    {
        int classes = LossArguments.Labels(logits, labels);
        LossArguments.Output(dLogits, nameof(dLogits), logits, nameof(logits), default);
        return SoftmaxCrossEntropyKernel.Run(SimdCapabilities.ActivePath, logits, labels, classes, dLogits, dLogits);
    }

    /// <summary>
    /// Softmax + cross-entropy with class-index labels, also writing the probabilities Ŷ = softmax(Z):
    /// L = −1/m · Σᵢ log Ŷ[i, labelᵢ], dZ = (Ŷ − Y)/m.
    /// </summary>
    /// <param name="logits">Z, [batch, classes] row-major, batch = labels.Length.</param>
    /// <param name="labels">One class index in [0, classes) per row.</param>
    /// <param name="probabilities">Receives Ŷ, [batch, classes]; may be <paramref name="logits"/> itself.</param>
    /// <param name="dLogits">Receives dZ, [batch, classes]; may be <paramref name="logits"/> itself.</param>
    /// <returns>The mean cross-entropy over the batch.</returns>
    /// <exception cref="ArgumentException">
    /// logits is not labels.Length rows of one or more classes, an output is too short, overlaps logits other than
    /// in place, or the outputs overlap each other.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class index.</exception>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels,
        Span<float> probabilities, Span<float> dLogits)
    {
        int classes = LossArguments.Labels(logits, labels);
        LossArguments.Output(probabilities, nameof(probabilities), logits, nameof(logits), default);
        LossArguments.Output(dLogits, nameof(dLogits), logits, nameof(logits), default);
        LossArguments.Apart(probabilities, dLogits, logits.Length);
        return SoftmaxCrossEntropyKernel.Run(SimdCapabilities.ActivePath, logits, labels, classes, probabilities, dLogits);
    }

    /// <summary>
    /// Softmax + cross-entropy with target rows (one-hot or any probabilities):
    /// L = −1/m · Σᵢⱼ Y[i, j]·log softmax(zᵢ)[j], dZ = (softmax(Z) − Y)/m (for rows of Y that sum to 1).
    /// </summary>
    /// <param name="logits">Z, [batch, classes] row-major.</param>
    /// <param name="targets">Y, the same shape as <paramref name="logits"/>.</param>
    /// <param name="batch">m, the number of rows.</param>
    /// <param name="dLogits">Receives dZ, [batch, classes]; may be <paramref name="logits"/> itself.</param>
    /// <returns>The mean cross-entropy over the batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">batch is negative.</exception>
    /// <exception cref="ArgumentException">
    /// logits is not batch rows of one or more classes, targets has another length, dLogits is too short or overlaps
    /// logits (other than in place) or targets.
    /// </exception>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        Span<float> dLogits)
    {
        LossArguments.Rows(logits, nameof(logits), targets, batch, atLeastOneColumn: true);
        LossArguments.Output(dLogits, nameof(dLogits), logits, nameof(logits), targets);
        return SoftmaxCrossEntropyKernel.Run(SimdCapabilities.ActivePath, logits, targets, batch, dLogits, dLogits);
    }

    /// <summary>
    /// Softmax + cross-entropy with target rows, also writing the probabilities Ŷ = softmax(Z):
    /// L = −1/m · Σᵢⱼ Y[i, j]·log Ŷ[i, j], dZ = (Ŷ − Y)/m (for rows of Y that sum to 1).
    /// </summary>
    /// <param name="logits">Z, [batch, classes] row-major.</param>
    /// <param name="targets">Y, the same shape as <paramref name="logits"/>.</param>
    /// <param name="batch">m, the number of rows.</param>
    /// <param name="probabilities">Receives Ŷ, [batch, classes]; may be <paramref name="logits"/> itself.</param>
    /// <param name="dLogits">Receives dZ, [batch, classes]; may be <paramref name="logits"/> itself.</param>
    /// <returns>The mean cross-entropy over the batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">batch is negative.</exception>
    /// <exception cref="ArgumentException">
    /// logits is not batch rows of one or more classes, targets has another length, an output is too short or
    /// overlaps logits (other than in place) or targets, or the outputs overlap each other.
    /// </exception>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int batch,
        Span<float> probabilities, Span<float> dLogits)
    {
        LossArguments.Rows(logits, nameof(logits), targets, batch, atLeastOneColumn: true);
        LossArguments.Output(probabilities, nameof(probabilities), logits, nameof(logits), targets);
        LossArguments.Output(dLogits, nameof(dLogits), logits, nameof(logits), targets);
        LossArguments.Apart(probabilities, dLogits, logits.Length);
        return SoftmaxCrossEntropyKernel.Run(SimdCapabilities.ActivePath, logits, targets, batch, probabilities, dLogits);
    }
}
