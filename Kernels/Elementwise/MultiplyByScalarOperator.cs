using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>x · factor</summary>
internal readonly struct MultiplyByScalarOperator(float factor) : IUnaryOperator
{
    private readonly float _factor = factor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => x * _factor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => x * _factor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => x * _factor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => x * _factor;
}
