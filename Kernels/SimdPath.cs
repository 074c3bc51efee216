namespace SimdMlp.Kernels;

/// <summary>The instruction-set family a kernel family is written for. One is chosen per process.</summary>
public enum SimdPath
{
    /// <summary>Plain scalar code: no hardware intrinsics (for example under <c>DOTNET_EnableHWIntrinsic=0</c>).</summary>
    Scalar,

    /// <summary>128-bit vectors: SSE on x64 without AVX2, AdvSimd (NEON) on Arm64.</summary>
    Vector128,

    /// <summary>256-bit vectors with fused multiply-add (AVX2 + FMA).</summary>
    Avx2,

    /// <summary>512-bit vectors (AVX-512F).</summary>
    Avx512,
}
