using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// An elementwise f(x) at every width, for <see cref="ElementwiseDriver.Unary{TOp}"/>. Implemented by
/// <c>readonly struct</c>s (instance members, so an operator may carry parameters); every overload computes the same f.
/// </summary>
internal interface IUnaryOperator
{
    float Invoke(float x);

    Vector128<float> Invoke(Vector128<float> x);

    Vector256<float> Invoke(Vector256<float> x);

    Vector512<float> Invoke(Vector512<float> x);
}
