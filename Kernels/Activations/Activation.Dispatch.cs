namespace SimdMlp.Kernels;

// Run-time dispatch: one switch per call picks the operator, then the JIT-specialised generic method runs.
public static partial class Activation
{
    /// <summary>a[i] = g(z[i]) for a run-time chosen g. See <see cref="Forward{TAct}"/>.</summary>
    /// <param name="function">The activation.</param>
    /// <param name="z">The pre-activations.</param>
    /// <param name="a">Receives the activations; may be <paramref name="z"/> itself.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> is too short or partially overlaps <paramref name="z"/>.</exception>
    public static void Forward(ActivationFunction function, ReadOnlySpan<float> z, Span<float> a)
    {
        switch (function.Kind)
        {
            case ActivationKind.Relu: Forward(default(ReluOperator), z, a); break;
            case ActivationKind.LeakyRelu: Forward(new LeakyReluOperator(function.LeakySlope), z, a); break;
            case ActivationKind.Sigmoid: Forward(default(SigmoidOperator), z, a); break;
            case ActivationKind.Tanh: Forward(default(TanhOperator), z, a); break;
            case ActivationKind.Gelu: Forward(default(GeluOperator), z, a); break;
            default: Forward(default(IdentityOperator), z, a); break;
        }
    }

    /// <summary>dZ = dA ⊙ g′(saved) for a run-time chosen g; saved is as <see cref="ActivationFunction.Saved"/> says. See <see cref="Backward{TAct}"/>.</summary>
    /// <param name="function">The activation.</param>
    /// <param name="dA">Gradient with respect to the activations.</param>
    /// <param name="saved">The output A or the input Z, as <see cref="ActivationFunction.Saved"/> says.</param>
    /// <param name="dZ">Receives the gradient with respect to the pre-activations; may be an input span itself.</param>
    /// <exception cref="ArgumentException">Lengths differ, <paramref name="dZ"/> is too short, or spans partially overlap.</exception>
    public static void Backward(ActivationFunction function, ReadOnlySpan<float> dA, ReadOnlySpan<float> saved, Span<float> dZ)
    {
        switch (function.Kind)
        {
            case ActivationKind.Relu: Backward(default(ReluOperator), dA, saved, dZ); break;
            case ActivationKind.LeakyRelu: Backward(new LeakyReluOperator(function.LeakySlope), dA, saved, dZ); break;
            case ActivationKind.Sigmoid: Backward(default(SigmoidOperator), dA, saved, dZ); break;
            case ActivationKind.Tanh: Backward(default(TanhOperator), dA, saved, dZ); break;
            case ActivationKind.Gelu: Backward(default(GeluOperator), dA, saved, dZ); break;
            default: Backward(default(IdentityOperator), dA, saved, dZ); break;
        }
    }

    /// <summary>dZ = dA ⊙ g′(saved) and dBias = column sums of dZ, for a run-time chosen g. See <see cref="BackwardWithBiasGradient{TAct}"/>.</summary>
    /// <param name="function">The activation.</param>
    /// <param name="dA">[m, n] gradient with respect to the activations.</param>
    /// <param name="saved">[m, n] output A or input Z, as <see cref="ActivationFunction.Saved"/> says.</param>
    /// <param name="dZ">Receives the [m, n] gradient with respect to the pre-activations; may be an input span itself.</param>
    /// <param name="dBias">Receives the n column sums of dZ.</param>
    /// <exception cref="ArgumentException">Shapes disagree, <paramref name="dZ"/> is too short, or spans overlap.</exception>
    public static void BackwardWithBiasGradient(ActivationFunction function, ReadOnlySpan<float> dA, ReadOnlySpan<float> saved,
        Span<float> dZ, Span<float> dBias)
    {
        switch (function.Kind)
        {
            case ActivationKind.Relu: BackwardWithBiasGradient(default(ReluOperator), dA, saved, dZ, dBias); break;
            case ActivationKind.LeakyRelu: BackwardWithBiasGradient(new LeakyReluOperator(function.LeakySlope), dA, saved, dZ, dBias); break;
            case ActivationKind.Sigmoid: BackwardWithBiasGradient(default(SigmoidOperator), dA, saved, dZ, dBias); break;
            case ActivationKind.Tanh: BackwardWithBiasGradient(default(TanhOperator), dA, saved, dZ, dBias); break;
            case ActivationKind.Gelu: BackwardWithBiasGradient(default(GeluOperator), dA, saved, dZ, dBias); break;
            default: BackwardWithBiasGradient(default(IdentityOperator), dA, saved, dZ, dBias); break;
        }
    }

    /// <summary>matrix = g(matrix + bias) per row, in place, for a run-time chosen g. See <see cref="ForwardWithBias{TAct}(TAct, ReadOnlySpan{float}, Span{float})"/>.</summary>
    /// <param name="function">The activation.</param>
    /// <param name="bias">The n biases.</param>
    /// <param name="matrix">[m, n]: X·W on entry, A on return.</param>
    /// <exception cref="ArgumentException">Shapes disagree or spans overlap.</exception>
    public static void ForwardWithBias(ActivationFunction function, ReadOnlySpan<float> bias, Span<float> matrix) =>
        ForwardWithBias(function, bias, matrix, []);

    /// <summary>matrix = g(matrix + bias) per row, optionally keeping Z, for a run-time chosen g. See <see cref="ForwardWithBias{TAct}(TAct, ReadOnlySpan{float}, Span{float}, Span{float})"/>.</summary>
    /// <param name="function">The activation.</param>
    /// <param name="bias">The n biases.</param>
    /// <param name="matrix">[m, n]: X·W on entry, A on return.</param>
    /// <param name="preActivation">Empty, or receives Z (needed when <see cref="ActivationFunction.Saved"/> is <see cref="SavedForBackward.Input"/>).</param>
    /// <exception cref="ArgumentException">Shapes disagree or spans overlap.</exception>
    public static void ForwardWithBias(ActivationFunction function, ReadOnlySpan<float> bias, Span<float> matrix, Span<float> preActivation)
    {
        switch (function.Kind)
        {
            case ActivationKind.Relu: ForwardWithBias(default(ReluOperator), bias, matrix, preActivation); break;
            case ActivationKind.LeakyRelu: ForwardWithBias(new LeakyReluOperator(function.LeakySlope), bias, matrix, preActivation); break;
            case ActivationKind.Sigmoid: ForwardWithBias(default(SigmoidOperator), bias, matrix, preActivation); break;
            case ActivationKind.Tanh: ForwardWithBias(default(TanhOperator), bias, matrix, preActivation); break;
            case ActivationKind.Gelu: ForwardWithBias(default(GeluOperator), bias, matrix, preActivation); break;
            default: ForwardWithBias(default(IdentityOperator), bias, matrix, preActivation); break;
        }
    }
}
