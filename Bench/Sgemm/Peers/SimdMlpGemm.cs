using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm.Peers;

/// <summary>The library under test, through its public entry point (argument validation included).</summary>
public sealed class SimdMlpGemm : IGemmPeer
{
    private int _threads = 1;

    public const string PeerName = "SimdMlp";

    public string Name => PeerName;
    public bool IsAvailable => true;
    public bool ReportsAllocations => true;
    public TimeSpan SettleAfter(int threads) => TimeSpan.Zero;
    public void SetThreads(int threads) => _threads = threads;

    public void Multiply(GemmProblem problem, float[] c)
    {
        var s = problem.Shape;
        Gemm.Sgemm(s.TransA, s.TransB, s.M, s.N, s.K, 1f, problem.A, s.ACols, problem.B, s.BCols, 0f, c, s.N, _threads);
    }
}
