using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Xunit;

namespace SimdMlp.Kernels.Tests;

/// <summary>
/// Proves which SIMD path this test process runs on, so that no leg of <c>scripts/test.sh</c> can test
/// a path other than the one it names.
/// </summary>
/// <remarks>
/// Each leg of the script sets a runtime switch (for example <c>DOTNET_EnableAVX512=0</c>) and names the path
/// that switch must select in <c>SIMDMLP_EXPECT_PATH</c> (<c>Avx512</c>, <c>Avx2</c>, <c>Vector128</c> or
/// <c>Scalar</c>). A misspelt or ignored switch then fails here instead of running the wider path again.
/// Without the variable (<c>dotnet test</c> by hand) the expected path is the widest one the raw
/// hardware flags call accelerated. The script also checks that these tests ran and passed in every leg.
/// </remarks>
public class SimdPathLegTests
{
    private const string ExpectVariable = "SIMDMLP_EXPECT_PATH";

    [Fact]
    public void ActivePath_is_the_path_this_leg_expects()
    {
        Assert.Equal(ExpectedPath(), SimdCapabilities.ActivePath);
    }

    [Fact]
    public void Raw_hardware_flags_agree_with_the_expected_path()
    {
        var path = ExpectedPath();
        switch (path)
        {
            case SimdPath.Avx512:
                Assert.True(Vector512.IsHardwareAccelerated, "Vector512.IsHardwareAccelerated");
                Assert.True(Avx512F.IsSupported, "Avx512F.IsSupported");
                break;
            case SimdPath.Avx2:
                Assert.False(Vector512.IsHardwareAccelerated, "Vector512.IsHardwareAccelerated");
                Assert.True(Vector256.IsHardwareAccelerated, "Vector256.IsHardwareAccelerated");
                Assert.True(Avx2.IsSupported, "Avx2.IsSupported");
                Assert.True(Fma.IsSupported, "Fma.IsSupported");
                break;
            case SimdPath.Vector128:
                Assert.False(Vector256.IsHardwareAccelerated, "Vector256.IsHardwareAccelerated");
                Assert.True(Vector128.IsHardwareAccelerated, "Vector128.IsHardwareAccelerated");
                // The 128-bit path is SSE on x64 and AdvSimd (NEON) on Arm64: the Arm64 leg runs under
                // emulation, so check the emulated CPU really offers AdvSimd.
                if (RuntimeInformation.ProcessArchitecture == Architecture.Arm64)
                {
                    Assert.True(AdvSimd.IsSupported, "AdvSimd.IsSupported");
                }
                else
                {
                    Assert.False(Avx2.IsSupported, "Avx2.IsSupported");
                }
                break;
            case SimdPath.Scalar:
                Assert.False(Vector128.IsHardwareAccelerated, "Vector128.IsHardwareAccelerated");
                Assert.False(System.Numerics.Vector.IsHardwareAccelerated, "Vector.IsHardwareAccelerated");
                break;
            default:
                Assert.Fail($"No raw-flag check for {path}.");
                break;
        }
    }

    /// <summary>The path named by the leg, or else the widest path the raw hardware flags allow.</summary>
    private static SimdPath ExpectedPath()
    {
        var named = Environment.GetEnvironmentVariable(ExpectVariable);
        if (string.IsNullOrEmpty(named))
        {
            return WidestPathFromRawFlags();
        }

        // Enum.TryParse would also take "2" or "avx2": accept only an exact member name.
        var names = Enum.GetNames<SimdPath>();
        Assert.True(names.Contains(named), $"{ExpectVariable}={named} is none of {string.Join(", ", names)}");
        return Enum.Parse<SimdPath>(named);
    }

    /// <summary>
    /// Worked out here from the intrinsics classes, apart from <see cref="SimdCapabilities"/>, so that a
    /// change to its detection is compared against the hardware and not against itself.
    /// </summary>
    private static SimdPath WidestPathFromRawFlags()
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported) return SimdPath.Avx512;
        if (Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported) return SimdPath.Avx2;
        if (Vector128.IsHardwareAccelerated) return SimdPath.Vector128;
        return SimdPath.Scalar;
    }
}
