using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>Reports which kernel family this process uses, for benchmark tables and bug reports.</summary>
/// <remarks>
/// The choice is made once, from what the JIT (or the Native AOT instruction set) reports as accelerated,
/// so runtime switches such as <c>DOTNET_EnableAVX512=0</c> or <c>DOTNET_EnableAVX2=0</c> select a narrower path.
/// </remarks>
public static class SimdCapabilities
{
    /// <summary>The kernel family every SimdMlp kernel uses in this process.</summary>
    public static SimdPath ActivePath { get; } = Detect();

    /// <summary>True when <paramref name="path"/> runs with hardware acceleration on this machine.</summary>
    /// <param name="path">The path to ask about.</param>
    /// <returns>Whether the path's vectors are hardware accelerated here.</returns>
    public static bool IsAccelerated(SimdPath path) => path switch
    {
        SimdPath.Avx512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        SimdPath.Avx2 => Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported,
        SimdPath.Vector128 => Vector128.IsHardwareAccelerated,
        SimdPath.Scalar => true,
        _ => false,
    };

    /// <summary>A one-line description: the path, the architecture and the runtime, for reports.</summary>
    public static string Describe() =>
        $"{ActivePath} ({System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, " +
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription})";

    private static SimdPath Detect()
    {
        if (IsAccelerated(SimdPath.Avx512)) return SimdPath.Avx512;
        if (IsAccelerated(SimdPath.Avx2)) return SimdPath.Avx2;
        if (IsAccelerated(SimdPath.Vector128)) return SimdPath.Vector128;
        return SimdPath.Scalar;
    }
}
