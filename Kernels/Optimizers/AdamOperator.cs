using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// g ← g + λ₂·w; w ← w·(1 − lr·λ); m ← m + (1 − β₁)·(g − m); v ← β₂·v + (1 − β₂)·g²;
/// w ← w − (lr/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε)
/// </summary>
/// <remarks>
/// <para>
/// Adam (λ₂ = weight decay, λ = 0) and AdamW (λ₂ = 0, λ = weight decay), in the float operations and order of
/// PyTorch's single-tensor implementation: <c>exp_avg.lerp_(grad, 1 − β₁)</c>,
/// <c>exp_avg_sq.mul_(β₂).addcmul_(grad, grad, value=1 − β₂)</c>,
/// <c>denom = exp_avg_sq.sqrt() / sqrt(bias_correction2) + eps</c>, <c>param.addcdiv_(exp_avg, denom, value=−step_size)</c>.
/// The zero terms are exact for finite w (g + 0·w = g, w·1 = w), so no branch is needed.
/// </para>
/// <para>
/// The scalars are computed once per step in double, as PyTorch computes them in Python floats, and rounded to
/// float once. On step 1 both moments start from 0 whatever the buffers hold (<see cref="StateMask"/>). Moments
/// below the smallest normal float are stored as 0 (<see cref="Subnormals"/>).
/// </para>
/// </remarks>
internal readonly struct AdamOperator : IUpdateOperator
{
    private readonly float _l2;
    private readonly float _decay;
    private readonly float _oneMinusBeta1;
    private readonly float _beta2;
    private readonly float _oneMinusBeta2;
    private readonly float _stepSize;
    private readonly float _sqrtBiasCorrection2;
    private readonly float _epsilon;
    private readonly uint _keep;

    /// <param name="learningRate">lr.</param>
    /// <param name="beta1">β₁.</param>
    /// <param name="beta2">β₂.</param>
    /// <param name="epsilon">ε.</param>
    /// <param name="l2">Adam's weight decay, added to the gradient.</param>
    /// <param name="decoupledDecay">AdamW's weight decay, applied to the weights.</param>
    /// <param name="step">t, from 1.</param>
    public AdamOperator(double learningRate, double beta1, double beta2, double epsilon, double l2,
        double decoupledDecay, int step)
    {
        _l2 = (float)l2;
        _decay = (float)(1 - learningRate * decoupledDecay);
        _oneMinusBeta1 = (float)(1 - beta1);
        _beta2 = (float)beta2;
        _oneMinusBeta2 = (float)(1 - beta2);
        _stepSize = (float)(learningRate / (1 - Math.Pow(beta1, step)));
        _sqrtBiasCorrection2 = (float)Math.Sqrt(1 - Math.Pow(beta2, step));
        _epsilon = (float)epsilon;
        _keep = StateMask.For(step);
    }

    public static int StateCount => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float weight, float gradient, ref float state1, ref float state2)
    {
        float g = gradient + _l2 * weight;
        float m = StateMask.Apply(state1, _keep);
        float v = StateMask.Apply(state2, _keep);
        state1 = m = Subnormals.Flush(m + _oneMinusBeta1 * (g - m));
        state2 = v = Subnormals.Flush(v * _beta2 + _oneMinusBeta2 * g * g);
        float denominator = MathF.Sqrt(v) / _sqrtBiasCorrection2 + _epsilon;
        return weight * _decay - _stepSize * m / denominator;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> weight, Vector128<float> gradient, ref Vector128<float> state1,
        ref Vector128<float> state2)
    {
        var g = gradient + Vector128.Create(_l2) * weight;
        var m = StateMask.Apply(state1, _keep);
        var v = StateMask.Apply(state2, _keep);
        state1 = m = Subnormals.Flush(m + Vector128.Create(_oneMinusBeta1) * (g - m));
        state2 = v = Subnormals.Flush(v * Vector128.Create(_beta2) + Vector128.Create(_oneMinusBeta2) * g * g);
        var denominator = Vector128.Sqrt(v) / Vector128.Create(_sqrtBiasCorrection2) + Vector128.Create(_epsilon);
        return weight * Vector128.Create(_decay) - Vector128.Create(_stepSize) * m / denominator;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> weight, Vector256<float> gradient, ref Vector256<float> state1,
        ref Vector256<float> state2)
    {
        var g = gradient + Vector256.Create(_l2) * weight;
        var m = StateMask.Apply(state1, _keep);
        var v = StateMask.Apply(state2, _keep);
        state1 = m = Subnormals.Flush(m + Vector256.Create(_oneMinusBeta1) * (g - m));
        state2 = v = Subnormals.Flush(v * Vector256.Create(_beta2) + Vector256.Create(_oneMinusBeta2) * g * g);
        var denominator = Vector256.Sqrt(v) / Vector256.Create(_sqrtBiasCorrection2) + Vector256.Create(_epsilon);
        return weight * Vector256.Create(_decay) - Vector256.Create(_stepSize) * m / denominator;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> weight, Vector512<float> gradient, ref Vector512<float> state1,
        ref Vector512<float> state2)
    {
        var g = gradient + Vector512.Create(_l2) * weight;
        var m = StateMask.Apply(state1, _keep);
        var v = StateMask.Apply(state2, _keep);
        state1 = m = Subnormals.Flush(m + Vector512.Create(_oneMinusBeta1) * (g - m));
        state2 = v = Subnormals.Flush(v * Vector512.Create(_beta2) + Vector512.Create(_oneMinusBeta2) * g * g);
        var denominator = Vector512.Sqrt(v) / Vector512.Create(_sqrtBiasCorrection2) + Vector512.Create(_epsilon);
        return weight * Vector512.Create(_decay) - Vector512.Create(_stepSize) * m / denominator;
    }
}
