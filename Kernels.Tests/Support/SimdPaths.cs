using Xunit;

namespace SimdMlp.Kernels.Tests.Support;

/// <summary>
/// Kernel families for tests that must cover every family, not only the one this CPU picks.
/// </summary>
/// <remarks>
/// A family whose vectors are not hardware accelerated in this process would run software-emulated vectors,
/// far too slowly for a test suite; those tests skip (with a reason) and the CI legs that disable wider ISAs
/// (<c>DOTNET_EnableAVX512=0</c>, <c>DOTNET_EnableAVX2=0</c>, <c>DOTNET_EnableHWIntrinsic=0</c>, Arm64) cover them.
/// <see cref="SimdPath.Scalar"/> is always accelerated.
/// </remarks>
public static class SimdPaths
{
    /// <summary>Every kernel family.</summary>
    public static IReadOnlyList<SimdPath> All { get; } = Enum.GetValues<SimdPath>();

    /// <summary>Families that run with hardware acceleration in this process.</summary>
    public static IReadOnlyList<SimdPath> Accelerated { get; } = All.Where(SimdCapabilities.IsAccelerated).ToArray();

    /// <summary>Theory data: every family (tests call <see cref="SkipUnlessAccelerated"/>).</summary>
    public static TheoryData<SimdPath> AllPaths => new(All);

    /// <summary>Skips the running test unless <paramref name="path"/> is accelerated here.</summary>
    public static void SkipUnlessAccelerated(SimdPath path) =>
        Assert.SkipUnless(SimdCapabilities.IsAccelerated(path),
            $"{path} is not hardware accelerated in this process ({SimdCapabilities.Describe()}); its CI leg covers it.");

    /// <summary>For <c>SkipUnless</c> on attributes.</summary>
    public static bool Avx512Accelerated => SimdCapabilities.IsAccelerated(SimdPath.Avx512);

    /// <summary>For <c>SkipUnless</c> on attributes.</summary>
    public static bool Avx2Accelerated => SimdCapabilities.IsAccelerated(SimdPath.Avx2);

    /// <summary>For <c>SkipUnless</c> on attributes.</summary>
    public static bool Vector128Accelerated => SimdCapabilities.IsAccelerated(SimdPath.Vector128);
}
