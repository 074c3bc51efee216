using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm.Peers;

/// <summary>
/// The floor: the triple loop anyone would write, in i-p-j order so the inner loop streams a row of B and of C.
/// It is also the correctness reference. With more than one thread the larger of M and N is cut into equal
/// contiguous ranges, one per thread (so a 1-row forward pass still parallelises over N).
/// </summary>
public sealed class NaiveGemm : IGemmPeer
{
    private ParallelOptions _options = new() { MaxDegreeOfParallelism = 1 };

    public const string PeerName = "naive";

    public string Name => PeerName;
    public bool IsAvailable => true;
    public bool ReportsAllocations => false;
    public TimeSpan SettleAfter(int threads) => TimeSpan.Zero;
    public void SetThreads(int threads) => _options = new ParallelOptions { MaxDegreeOfParallelism = threads };

    public void Multiply(GemmProblem problem, float[] c)
    {
        var s = problem.Shape;
        int parts = _options.MaxDegreeOfParallelism;
        if (parts == 1)
        {
            Block(problem, c, 0, s.M, 0, s.N);
            return;
        }

        bool splitRows = s.M >= s.N;
        int extent = splitRows ? s.M : s.N;
        Parallel.For(0, parts, _options, part =>
        {
            int from = (int)((long)extent * part / parts), to = (int)((long)extent * (part + 1) / parts);
            if (splitRows) Block(problem, c, from, to, 0, s.N);
            else Block(problem, c, 0, s.M, from, to);
        });
    }

    /// <summary>C[i0..i1, j0..j1] = op(A)·op(B) restricted to those rows and columns.</summary>
    private static void Block(GemmProblem problem, float[] c, int i0, int i1, int j0, int j1)
    {
        var s = problem.Shape;
        float[] a = problem.A, b = problem.B;
        // Element strides of op(A)(i, p) and op(B)(p, j) in the stored arrays.
        int aI = s.TransA == Transpose.No ? s.ACols : 1, aP = s.TransA == Transpose.No ? 1 : s.ACols;
        int bP = s.TransB == Transpose.No ? s.BCols : 1, bJ = s.TransB == Transpose.No ? 1 : s.BCols;
        int n = s.N;
        for (int i = i0; i < i1; i++)
        {
            Array.Clear(c, i * n + j0, j1 - j0);
            for (int p = 0; p < s.K; p++)
            {
                float aip = a[i * aI + p * aP];
                for (int j = j0; j < j1; j++) c[i * n + j] += aip * b[p * bP + j * bJ];
            }
        }
    }
}
