using System.Runtime.InteropServices;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm.Peers;

/// <summary>OpenBLAS <c>cblas_sgemm</c> (row-major): the native target to approach.</summary>
public sealed class OpenBlasGemm : IGemmPeer
{
    /// <summary>
    /// OpenBLAS's pthread workers keep spinning (yielding) for about 2^28 cycles after a call before they sleep.
    /// On a 2-core machine that steals a core from whatever is timed next, so after a multi-threaded OpenBLAS
    /// sample the harness waits this long.
    /// </summary>
    private static readonly TimeSpan s_workerSpin = TimeSpan.FromMilliseconds(150);

    public const string PeerName = "OpenBLAS";

    public string Name => PeerName;
    public bool IsAvailable => OpenBlasNative.IsLoadable;
    public bool ReportsAllocations => false;

    /// <summary>Build configuration and the kernel family OpenBLAS picked at load, or why it is unavailable.</summary>
    public static string Describe()
    {
        if (!OpenBlasNative.IsLoadable) return "n/a: " + OpenBlasNative.Error;
        string config = Marshal.PtrToStringUTF8(OpenBlasNative.GetConfig()) ?? "?";
        string core = Marshal.PtrToStringUTF8(OpenBlasNative.GetCoreName()) ?? "?";
        return $"{config}; core {core}";
    }

    public TimeSpan SettleAfter(int threads) => threads > 1 ? s_workerSpin : TimeSpan.Zero;

    public void SetThreads(int threads) => OpenBlasNative.SetNumThreads(threads);

    public unsafe void Multiply(GemmProblem problem, float[] c)
    {
        var s = problem.Shape;
        fixed (float* pa = problem.A, pb = problem.B, pc = c)
        {
            OpenBlasNative.Sgemm(OpenBlasNative.RowMajor, Flag(s.TransA), Flag(s.TransB), s.M, s.N, s.K, 1f,
                pa, s.ACols, pb, s.BCols, 0f, pc, s.N);
        }
    }

    private static int Flag(Transpose t) => t == Transpose.No ? OpenBlasNative.NoTrans : OpenBlasNative.Trans;
}
