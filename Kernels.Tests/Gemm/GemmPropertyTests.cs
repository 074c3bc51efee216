using FsCheck;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// Random cases (see <see cref="GemmCase.Generator"/>) against the double-accumulating <see cref="NaiveGemm"/>,
/// once per kernel family through <c>GemmDriver.Run</c> and once through the public <see cref="Kernels.Gemm.Sgemm"/>.
/// </summary>
/// <remarks>
/// Each case checks: every element of C within its k-scaled bound, C's stride padding, span tail and guards
/// untouched, A and B unchanged, NaN in C overwritten when beta is 0. A failure prints the (shrunk) case, which
/// replays exactly from its seed, and the first mismatching element.
/// </remarks>
public sealed class GemmPropertyTests
{
    private const int Cases = 200;

    [Property(MaxTest = Cases)]
    public Property Scalar_driver_matches_reference() => GemmCase.Property(GemmEntry.Driver, SimdPath.Scalar);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Vector128Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Vector128 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Vector128_driver_matches_reference() => GemmCase.Property(GemmEntry.Driver, SimdPath.Vector128);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx2Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx2 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Avx2_driver_matches_reference() => GemmCase.Property(GemmEntry.Driver, SimdPath.Avx2);

    [Property(MaxTest = Cases, SkipUnless = nameof(SimdPaths.Avx512Accelerated), SkipType = typeof(SimdPaths),
        Skip = "Avx512 is not hardware accelerated in this process; its CI leg covers it.")]
    public Property Avx512_driver_matches_reference() => GemmCase.Property(GemmEntry.Driver, SimdPath.Avx512);

    [Property(MaxTest = Cases)]
    public Property Public_Sgemm_matches_reference() =>
        GemmCase.Property(GemmEntry.Public, SimdCapabilities.ActivePath);
}
