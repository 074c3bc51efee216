namespace SimdMlp;

/// <summary>The output layer of a <see cref="MultiLayerPerceptron"/>: its activation and the loss it is trained with.</summary>
/// <remarks>Every head gives the same output-layer gradient, dZ_L = (Ŷ − Y) / m, for a batch of m samples.</remarks>
public enum OutputHead
{
    /// <summary>Ŷ = softmax(Z_L) row-wise; L = −1/m · Σ y · log ŷ (single-label classification).</summary>
    SoftmaxCrossEntropy,

    /// <summary>Ŷ = σ(Z_L) elementwise; L = −1/m · Σ [y log ŷ + (1 − y) log(1 − ŷ)] (binary or multi-label classification).</summary>
    SigmoidBinaryCrossEntropy,

    /// <summary>Ŷ = Z_L; L = 1/(2m) · Σ (ŷ − y)² (regression).</summary>
    LinearSquaredError,
}
