using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>a · (dA − dot), with x = dA and y = a (dot = Σ dA·a over the row).</summary>
internal readonly struct SoftmaxGradientOperator(float dot) : IBinaryOperator
{
    private readonly float _dot = dot;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float y) => y * (x - _dot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => y * (x - Vector128.Create(_dot));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => y * (x - Vector256.Create(_dot));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => y * (x - Vector512.Create(_dot));
}
