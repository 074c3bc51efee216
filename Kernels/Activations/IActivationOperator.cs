using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// An elementwise activation A = g(Z) and its backward step dZ = dA ⊙ g′, at every vector width, for loops that
/// are specialised per operator (<c>where TAct : struct, IActivationOperator</c>): the GEMM epilogue, the
/// <see cref="Activation"/> drivers and the MLP.
/// </summary>
/// <remarks>
/// <para>
/// Implementations are <c>readonly struct</c>s. Members are instance members so an operator can carry state
/// (the leaky ReLU slope); stateless operators are used as <c>default(TAct)</c>. Because the type is a struct type
/// argument, calls are direct and inlined: no virtual or delegate call per element.
/// </para>
/// <para>
/// Every overload computes the same function, and within one process every lane of every width gives the same bits
/// as the scalar overload for the same input: a value's result never depends on where it sits in a span, how long
/// the span is, or which width processed it.
/// </para>
/// <para>
/// <c>Backward(dA, saved)</c> returns dZ = dA · g′(Z), where <c>saved</c> is the value named by
/// <see cref="Saved"/>: the output A (derivative from the output, so the forward pass can overwrite Z with A) or the
/// input Z.
/// </para>
/// </remarks>
public interface IActivationOperator
{
    /// <summary>Which forward value <c>Backward</c>'s <c>saved</c> argument is: the output A or the input Z.</summary>
    static abstract SavedForBackward Saved { get; }

    /// <summary>A = g(z) for one value.</summary>
    /// <param name="z">The pre-activation.</param>
    /// <returns>The activation.</returns>
    float Forward(float z);

    /// <summary>A = g(z) per lane.</summary>
    /// <param name="z">The pre-activations.</param>
    /// <returns>The activations.</returns>
    Vector128<float> Forward(Vector128<float> z);

    /// <summary>A = g(z) per lane.</summary>
    /// <param name="z">The pre-activations.</param>
    /// <returns>The activations.</returns>
    Vector256<float> Forward(Vector256<float> z);

    /// <summary>A = g(z) per lane.</summary>
    /// <param name="z">The pre-activations.</param>
    /// <returns>The activations.</returns>
    Vector512<float> Forward(Vector512<float> z);

    /// <summary>dZ = dA · g′ for one value, with g′ evaluated from <paramref name="saved"/> (see <see cref="Saved"/>).</summary>
    /// <param name="dA">The gradient of the loss with respect to the activation.</param>
    /// <param name="saved">The output A or the input Z, as <see cref="Saved"/> says.</param>
    /// <returns>The gradient with respect to the pre-activation.</returns>
    float Backward(float dA, float saved);

    /// <summary>dZ = dA · g′ per lane, with g′ evaluated from <paramref name="saved"/> (see <see cref="Saved"/>).</summary>
    /// <param name="dA">The gradients of the loss with respect to the activations.</param>
    /// <param name="saved">The outputs A or the inputs Z, as <see cref="Saved"/> says.</param>
    /// <returns>The gradients with respect to the pre-activations.</returns>
    Vector128<float> Backward(Vector128<float> dA, Vector128<float> saved);

    /// <summary>dZ = dA · g′ per lane, with g′ evaluated from <paramref name="saved"/> (see <see cref="Saved"/>).</summary>
    /// <param name="dA">The gradients of the loss with respect to the activations.</param>
    /// <param name="saved">The outputs A or the inputs Z, as <see cref="Saved"/> says.</param>
    /// <returns>The gradients with respect to the pre-activations.</returns>
    Vector256<float> Backward(Vector256<float> dA, Vector256<float> saved);

    /// <summary>dZ = dA · g′ per lane, with g′ evaluated from <paramref name="saved"/> (see <see cref="Saved"/>).</summary>
    /// <param name="dA">The gradients of the loss with respect to the activations.</param>
    /// <param name="saved">The outputs A or the inputs Z, as <see cref="Saved"/> says.</param>
    /// <returns>The gradients with respect to the pre-activations.</returns>
    Vector512<float> Backward(Vector512<float> dA, Vector512<float> saved);
}
