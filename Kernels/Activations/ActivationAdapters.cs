using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>g(z) of an activation, as a unary operator for <see cref="ElementwiseDriver"/>.</summary>
internal readonly struct ActivationForward<TAct>(TAct activation) : IUnaryOperator
    where TAct : struct, IActivationOperator
{
    private readonly TAct _activation = activation;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => _activation.Forward(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => _activation.Forward(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => _activation.Forward(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => _activation.Forward(x);
}

/// <summary>dA · g′(saved) of an activation, as a binary operator (x = dA, y = saved) for <see cref="ElementwiseDriver"/>.</summary>
internal readonly struct ActivationBackward<TAct>(TAct activation) : IBinaryOperator
    where TAct : struct, IActivationOperator
{
    private readonly TAct _activation = activation;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float y) => _activation.Backward(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => _activation.Backward(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => _activation.Backward(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => _activation.Backward(x, y);
}
