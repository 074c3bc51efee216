using FsCheck;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// Random shapes, scales (up to logits of ±1e4) and output options (see <see cref="LossCase.Generator"/>) against
/// the double reference, per kernel family and through the public API.
/// </summary>
public sealed class LossPropertyTests
{
    private const int Cases = 60;
    private const string NotAccelerated = "This path is not hardware accelerated in this process; its CI leg covers it.";

    [Property(MaxTest = Cases)]
    public Property Scalar_softmax_labels() => LossCase.Property(LossKind.SoftmaxLabels, SimdPath.Scalar);

    [Property(MaxTest = Cases)]
    public Property Scalar_softmax_targets() => LossCase.Property(LossKind.SoftmaxTargets, SimdPath.Scalar);

    [Property(MaxTest = Cases)]
    public Property Scalar_sigmoid_bce() => LossCase.Property(LossKind.SigmoidBinaryCrossEntropy, SimdPath.Scalar);

    [Property(MaxTest = Cases)]
    public Property Scalar_half_squared_error() => LossCase.Property(LossKind.HalfSquaredError, SimdPath.Scalar);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Vector128Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Vector128_softmax_labels() => LossCase.Property(LossKind.SoftmaxLabels, SimdPath.Vector128);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Vector128Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Vector128_softmax_targets() => LossCase.Property(LossKind.SoftmaxTargets, SimdPath.Vector128);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Vector128Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Vector128_sigmoid_bce() =>
        LossCase.Property(LossKind.SigmoidBinaryCrossEntropy, SimdPath.Vector128);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Vector128Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Vector128_half_squared_error() => LossCase.Property(LossKind.HalfSquaredError, SimdPath.Vector128);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx2Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx2_softmax_labels() => LossCase.Property(LossKind.SoftmaxLabels, SimdPath.Avx2);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx2Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx2_softmax_targets() => LossCase.Property(LossKind.SoftmaxTargets, SimdPath.Avx2);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx2Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx2_sigmoid_bce() => LossCase.Property(LossKind.SigmoidBinaryCrossEntropy, SimdPath.Avx2);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx2Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx2_half_squared_error() => LossCase.Property(LossKind.HalfSquaredError, SimdPath.Avx2);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx512_softmax_labels() => LossCase.Property(LossKind.SoftmaxLabels, SimdPath.Avx512);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx512_softmax_targets() => LossCase.Property(LossKind.SoftmaxTargets, SimdPath.Avx512);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx512_sigmoid_bce() => LossCase.Property(LossKind.SigmoidBinaryCrossEntropy, SimdPath.Avx512);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = NotAccelerated)]
    public Property Avx512_half_squared_error() => LossCase.Property(LossKind.HalfSquaredError, SimdPath.Avx512);

    [Property(MaxTest = Cases)]
    public Property Public_softmax_labels() =>
        LossCase.Property(LossKind.SoftmaxLabels, SimdCapabilities.ActivePath, isPublic: true);

    [Property(MaxTest = Cases)]
    public Property Public_softmax_targets() =>
        LossCase.Property(LossKind.SoftmaxTargets, SimdCapabilities.ActivePath, isPublic: true);

    [Property(MaxTest = Cases)]
    public Property Public_sigmoid_bce() =>
        LossCase.Property(LossKind.SigmoidBinaryCrossEntropy, SimdCapabilities.ActivePath, isPublic: true);

    [Property(MaxTest = Cases)]
    public Property Public_half_squared_error() =>
        LossCase.Property(LossKind.HalfSquaredError, SimdCapabilities.ActivePath, isPublic: true);
}
