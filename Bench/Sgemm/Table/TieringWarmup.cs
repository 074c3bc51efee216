using System.Diagnostics;
using SimdMlp.Bench.Sgemm.Peers;

namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>
/// Tiered JIT replaces first-call code with optimised (PGO) code only after ~30 calls plus a ~100 ms background
/// delay. Running every peer on the small shapes, at every thread count, for a while before the first row means
/// no row — in particular the first, large one — is timed on tier-0 code.
/// </summary>
public static class TieringWarmup
{
    /// <summary>Shapes cheap enough (≤ 1 MFLOP) to call hundreds of times even on the naive loop.</summary>
    private const double MaxFlops = 1e6;

    public static void Run(IReadOnlyList<IGemmPeer> peers, TimeSpan perPeer)
    {
        var problems = GemmShapes.All.Where(s => s.Flops <= MaxFlops).Select(s => GemmProblem.Create(s)).ToList();
        var outputs = problems.Select(p => p.NewC()).ToList();
        foreach (var peer in peers)
        {
            if (!peer.IsAvailable) continue;
            foreach (int threads in GemmShapes.Threads)
            {
                peer.SetThreads(threads);
                var start = Stopwatch.GetTimestamp();
                while (Stopwatch.GetElapsedTime(start) < perPeer / GemmShapes.Threads.Length)
                {
                    for (int i = 0; i < problems.Count; i++) peer.Multiply(problems[i], outputs[i]);
                }

                var pause = peer.SettleAfter(threads);
                if (pause > TimeSpan.Zero) Thread.Sleep(pause);
            }
        }
    }
}
