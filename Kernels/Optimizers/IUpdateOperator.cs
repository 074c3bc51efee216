using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// An elementwise optimizer update: from a weight w, its gradient g and up to two state values, the new weight and
/// the new states. Implementations are <c>readonly struct</c>s holding the hyper-parameters and the per-step scalars
/// (bias corrections and the like, computed once per call), so <see cref="UpdateDriver"/> is specialised and
/// inlined per optimizer by the JIT, as TensorPrimitives does with its operators.
/// </summary>
/// <remarks>
/// All four overloads must do the same float operations in the same order (no fused multiply-add), so that every
/// SIMD path gives bit-identical weights and states.
/// </remarks>
internal interface IUpdateOperator
{
    /// <summary>
    /// How many state buffers (0, 1 or 2) the update reads and writes. A JIT-time constant: the driver loads and
    /// stores only those, and passes zeros in the unused ones.
    /// </summary>
    static abstract int StateCount { get; }

    /// <summary>Returns the new weight; updates the states in place.</summary>
    float Invoke(float weight, float gradient, ref float state1, ref float state2);

    /// <summary>Returns the new weights; updates the states in place.</summary>
    Vector128<float> Invoke(Vector128<float> weight, Vector128<float> gradient, ref Vector128<float> state1,
        ref Vector128<float> state2);

    /// <summary>Returns the new weights; updates the states in place.</summary>
    Vector256<float> Invoke(Vector256<float> weight, Vector256<float> gradient, ref Vector256<float> state1,
        ref Vector256<float> state2);

    /// <summary>Returns the new weights; updates the states in place.</summary>
    Vector512<float> Invoke(Vector512<float> weight, Vector512<float> gradient, ref Vector512<float> state1,
        ref Vector512<float> state2);
}
