using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>g ← g + λ·w; v ← μ·v + (1 − d)·g (v ← g on step 1); w ← w − lr·v</summary>
/// <remarks>
/// PyTorch's <c>SGD(momentum=μ, dampening=d)</c>: the velocity buffer is created on step 1 as a copy of the
/// gradient, without dampening. Here that is the same formula with the old velocity masked to 0 and the gradient
/// scale set to 1 on step 1 (<see cref="StateMask"/>), so no branch runs per element.
/// </remarks>
internal readonly struct SgdMomentumOperator : IUpdateOperator
{
    private readonly float _learningRate;
    private readonly float _weightDecay;
    private readonly float _momentum;
    private readonly float _gradientScale;
    private readonly uint _keep;

    public SgdMomentumOperator(double learningRate, double weightDecay, double momentum, double dampening, int step)
    {
        _learningRate = (float)learningRate;
        _weightDecay = (float)weightDecay;
        _momentum = (float)momentum;
        _gradientScale = step == 1 ? 1f : (float)(1 - dampening);
        _keep = StateMask.For(step);
    }

    public static int StateCount => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float weight, float gradient, ref float state1, ref float state2)
    {
        float g = gradient + _weightDecay * weight;
        state1 = Subnormals.Flush(_momentum * StateMask.Apply(state1, _keep) + _gradientScale * g);
        return weight - _learningRate * state1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> weight, Vector128<float> gradient, ref Vector128<float> state1,
        ref Vector128<float> state2)
    {
        var g = gradient + Vector128.Create(_weightDecay) * weight;
        state1 = Subnormals.Flush(Vector128.Create(_momentum) * StateMask.Apply(state1, _keep) + Vector128.Create(_gradientScale) * g);
        return weight - Vector128.Create(_learningRate) * state1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> weight, Vector256<float> gradient, ref Vector256<float> state1,
        ref Vector256<float> state2)
    {
        var g = gradient + Vector256.Create(_weightDecay) * weight;
        state1 = Subnormals.Flush(Vector256.Create(_momentum) * StateMask.Apply(state1, _keep) + Vector256.Create(_gradientScale) * g);
        return weight - Vector256.Create(_learningRate) * state1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> weight, Vector512<float> gradient, ref Vector512<float> state1,
        ref Vector512<float> state2)
    {
        var g = gradient + Vector512.Create(_weightDecay) * weight;
        state1 = Subnormals.Flush(Vector512.Create(_momentum) * StateMask.Apply(state1, _keep) + Vector512.Create(_gradientScale) * g);
        return weight - Vector512.Create(_learningRate) * state1;
    }
}
