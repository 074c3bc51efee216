using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// An elementwise f(x, y) at every width, for <see cref="ElementwiseDriver.Binary{TOp}"/>. Implemented by
/// <c>readonly struct</c>s (instance members, so an operator may carry parameters); every overload computes the same f.
/// </summary>
internal interface IBinaryOperator
{
    float Invoke(float x, float y);

    Vector128<float> Invoke(Vector128<float> x, Vector128<float> y);

    Vector256<float> Invoke(Vector256<float> x, Vector256<float> y);

    Vector512<float> Invoke(Vector512<float> x, Vector512<float> y);
}
