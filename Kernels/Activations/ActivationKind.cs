namespace SimdMlp.Kernels;

/// <summary>An elementwise activation chosen at run time (for example per MLP layer). Softmax is row-wise: see <see cref="Softmax"/>.</summary>
public enum ActivationKind
{
    /// <summary>g(z) = z (<see cref="IdentityOperator"/>).</summary>
    Identity,

    /// <summary>g(z) = max(z, 0) (<see cref="ReluOperator"/>).</summary>
    Relu,

    /// <summary>g(z) = z &gt; 0 ? z : slope · z (<see cref="LeakyReluOperator"/>).</summary>
    LeakyRelu,

    /// <summary>g(z) = 1 / (1 + e^−z) (<see cref="SigmoidOperator"/>).</summary>
    Sigmoid,

    /// <summary>g(z) = tanh(z) (<see cref="TanhOperator"/>).</summary>
    Tanh,

    /// <summary>g(z) = ½ z (1 + tanh(√(2/π) (z + 0.044715 z³))) (<see cref="GeluOperator"/>).</summary>
    Gelu,
}
