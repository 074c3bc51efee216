using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// Four threads calling <see cref="Kernels.Gemm.Sgemm"/> at once, on different data and shapes (one of them itself
/// threaded), get bit-for-bit the results of the same calls made one at a time: per-thread packing buffers and
/// worker state are not shared.
/// </summary>
public sealed class GemmConcurrencyTests
{
    [Fact]
    public void Concurrent_calls_match_serial_calls()
    {
        var path = SimdCapabilities.ActivePath;
        GemmCase[] cases =
        [
            new(GemmEntry.Public, path, Transpose.No, Transpose.No, 130, 70, 300, 1f, 0f, PadC: 1, Seed: 1),
            new(GemmEntry.Public, path, Transpose.Yes, Transpose.No, 97, 200, 150, -0.5f, 1f, PadA: 2, Seed: 2),
            new(GemmEntry.Public, path, Transpose.No, Transpose.Yes, 1, 256, 784, 1f, 0f, PadB: 3, Seed: 3),
            new(GemmEntry.Public, path, Transpose.Yes, Transpose.Yes, 150, 150, 150, 2f, 0.5f, Dop: 2, Seed: 4),
        ];
        var problems = cases.Select(GemmProblem.Create).ToArray();

        // Serial: each call alone on this thread, checked against the reference.
        var serial = new float[problems.Length][];
        foreach (var (problem, i) in problems.Select((p, i) => (p, i)))
        {
            var reference = problem.ComputeReference();
            problem.Invoke();
            problem.AssertResult(reference, "serial");
            serial[i] = problem.C.Buffer.Snapshot();
            problem.ResetC();
        }

        // Concurrent: all four at once, several rounds, released together by a barrier.
        const int Rounds = 3;
        var errors = new string?[problems.Length];
        using var barrier = new Barrier(problems.Length);
        var threads = problems.Select((problem, i) => new Thread(() =>
        {
            try
            {
                for (int round = 0; round < Rounds; round++)
                {
                    barrier.SignalAndWait();
                    problem.Invoke();
                    int at = Tolerance.FirstBitMismatch(problem.C.Buffer.Storage, serial[i]);
                    if (at >= 0)
                    {
                        int index = at - problem.C.Buffer.Guard;
                        errors[i] ??= $"{problem.Case} [round {round}]: C element {index} " +
                            $"({(index >= 0 && index < problem.C.Buffer.Length ? problem.C.DescribeIndex(index) : "guard")}) = " +
                            $"{Tolerance.Describe(problem.C.Buffer.Storage[at])}, serial gave {Tolerance.Describe(serial[i][at])}.";
                    }

                    problem.ResetC();
                }
            }
            catch (Exception ex)
            {
                errors[i] = $"{problem.Case}: {ex}";
                barrier.RemoveParticipant();
            }
        })).ToArray();

        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.All(errors, e => Assert.True(e is null, e));
    }
}
