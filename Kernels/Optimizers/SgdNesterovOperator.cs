using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>g ← g + λ·w; v ← μ·v + g (v ← g on step 1); w ← w − lr·(g + μ·v)</summary>
/// <remarks>
/// PyTorch's <c>SGD(momentum=μ, nesterov=True)</c>, which requires dampening 0. Step 1 is handled as in
/// <see cref="SgdMomentumOperator"/>.
/// </remarks>
internal readonly struct SgdNesterovOperator : IUpdateOperator
{
    private readonly float _learningRate;
    private readonly float _weightDecay;
    private readonly float _momentum;
    private readonly uint _keep;

    public SgdNesterovOperator(double learningRate, double weightDecay, double momentum, int step)
    {
        _learningRate = (float)learningRate;
        _weightDecay = (float)weightDecay;
        _momentum = (float)momentum;
        _keep = StateMask.For(step);
    }

    public static int StateCount => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float weight, float gradient, ref float state1, ref float state2)
    {
        float g = gradient + _weightDecay * weight;
        state1 = Subnormals.Flush(_momentum * StateMask.Apply(state1, _keep) + g);
        return weight - _learningRate * (g + _momentum * state1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> weight, Vector128<float> gradient, ref Vector128<float> state1,
        ref Vector128<float> state2)
    {
        var momentum = Vector128.Create(_momentum);
        var g = gradient + Vector128.Create(_weightDecay) * weight;
        state1 = Subnormals.Flush(momentum * StateMask.Apply(state1, _keep) + g);
        return weight - Vector128.Create(_learningRate) * (g + momentum * state1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> weight, Vector256<float> gradient, ref Vector256<float> state1,
        ref Vector256<float> state2)
    {
        var momentum = Vector256.Create(_momentum);
        var g = gradient + Vector256.Create(_weightDecay) * weight;
        state1 = Subnormals.Flush(momentum * StateMask.Apply(state1, _keep) + g);
        return weight - Vector256.Create(_learningRate) * (g + momentum * state1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> weight, Vector512<float> gradient, ref Vector512<float> state1,
        ref Vector512<float> state2)
    {
        var momentum = Vector512.Create(_momentum);
        var g = gradient + Vector512.Create(_weightDecay) * weight;
        state1 = Subnormals.Flush(momentum * StateMask.Apply(state1, _keep) + g);
        return weight - Vector512.Create(_learningRate) * (g + momentum * state1);
    }
}
