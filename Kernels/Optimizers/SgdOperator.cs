using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>w ← w − lr·(g + λ·w)</summary>
/// <remarks>With λ = 0, g + 0·w = g exactly for finite w, so one operator serves with and without weight decay.</remarks>
internal readonly struct SgdOperator : IUpdateOperator
{
    private readonly float _learningRate;
    private readonly float _weightDecay;

    public SgdOperator(double learningRate, double weightDecay)
    {
        _learningRate = (float)learningRate;
        _weightDecay = (float)weightDecay;
    }

    public static int StateCount => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float weight, float gradient, ref float state1, ref float state2) =>
        weight - _learningRate * (gradient + _weightDecay * weight);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> weight, Vector128<float> gradient, ref Vector128<float> state1,
        ref Vector128<float> state2) =>
        weight - Vector128.Create(_learningRate) * (gradient + Vector128.Create(_weightDecay) * weight);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> weight, Vector256<float> gradient, ref Vector256<float> state1,
        ref Vector256<float> state2) =>
        weight - Vector256.Create(_learningRate) * (gradient + Vector256.Create(_weightDecay) * weight);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> weight, Vector512<float> gradient, ref Vector512<float> state1,
        ref Vector512<float> state2) =>
        weight - Vector512.Create(_learningRate) * (gradient + Vector512.Create(_weightDecay) * weight);
}
