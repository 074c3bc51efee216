namespace SimdMlp.Training;

/// <summary>A network's loss and accuracy over a set of samples.</summary>
/// <param name="Loss">The per-sample mean of the head's loss.</param>
/// <param name="Accuracy">
/// The fraction classified right: arg-max against the label (or the arg-max of the target row) for softmax and
/// multi-output sigmoid with labels; ŷ ≥ ½ against y ≥ ½ per output for sigmoid with targets or one output;
/// NaN for the linear head.
/// </param>
/// <param name="Count">The number of samples.</param>
public readonly record struct Evaluation(double Loss, double Accuracy, int Count);
