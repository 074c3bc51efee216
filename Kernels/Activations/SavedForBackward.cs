namespace SimdMlp.Kernels;

/// <summary>Which forward-pass value an activation's backward pass reads, so the forward pass keeps only that.</summary>
public enum SavedForBackward
{
    /// <summary>The output A = g(Z): the derivative is a function of A (ReLU, leaky ReLU, sigmoid, tanh, identity).</summary>
    Output,

    /// <summary>The input Z (pre-activation): the derivative cannot be recovered from A alone (GELU).</summary>
    Input,
}
