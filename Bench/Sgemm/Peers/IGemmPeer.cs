namespace SimdMlp.Bench.Sgemm.Peers;

/// <summary>
/// One GEMM implementation under comparison. Every peer computes the same row-major C = op(A)·op(B)
/// (alpha = 1, beta = 0) from the same arrays, so outputs can be cross-checked and times compared.
/// </summary>
public interface IGemmPeer
{
    /// <summary>Column header name.</summary>
    string Name { get; }

    /// <summary>False when the peer cannot run here (e.g. OpenBLAS not installed); it is then never called.</summary>
    bool IsAvailable { get; }

    /// <summary>Whether the table reports this peer's managed bytes per call (managed libraries only).</summary>
    bool ReportsAllocations { get; }

    /// <summary>Pause to leave after timing this peer before timing another; see <see cref="OpenBlasGemm"/>.</summary>
    TimeSpan SettleAfter(int threads);

    /// <summary>Sets the thread count for following calls. Called outside timing, once per table row.</summary>
    void SetThreads(int threads);

    /// <summary>C = op(A)·op(B). Must not allocate beyond what the implementation itself does.</summary>
    void Multiply(GemmProblem problem, float[] c);
}
