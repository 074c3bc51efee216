using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// Deterministic contract cases, per kernel family (forced through <c>GemmDriver.Run</c>) and through the public
/// <see cref="Kernels.Gemm.Sgemm"/>: k = 0 scales C by beta, m = 0 or n = 0 writes nothing, and the shapes an MLP
/// actually runs (batch 1, the 10-wide output layer, k = 1, k past KC, m past MC, n past NC).
/// </summary>
public sealed class GemmContractTests
{
    /// <summary>Every family (driver) plus the public entry; families not accelerated here are skipped.</summary>
    public static TheoryData<GemmEntry, SimdPath> Entries()
    {
        var data = new TheoryData<GemmEntry, SimdPath>();
        foreach (var path in SimdPaths.All) data.Add(GemmEntry.Driver, path);
        data.Add(GemmEntry.Public, SimdCapabilities.ActivePath);
        return data;
    }

    private static readonly Transpose[] s_both = [Transpose.No, Transpose.Yes];

    [Theory]
    [MemberData(nameof(Entries))]
    public void K_zero_scales_C_by_beta_exactly(GemmEntry entry, SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        float[] betas = [0f, 1f, 2f, -0.5f, 0.3f];
        float[] alphas = [1f, 0f, 2.5f];
        int seed = 1;
        foreach (var (m, n) in new[] { (1, 1), (5, 3), (33, 65), (130, 17) })
        {
            foreach (float beta in betas)
            {
                foreach (float alpha in alphas)
                {
                    var c = new GemmCase(entry, path, s_both[seed % 2], s_both[seed / 2 % 2], m, n, 0, alpha, beta,
                        PadA: seed % 3, PadB: 0, PadC: seed % 4, TailC: seed % 2, Seed: seed++);
                    var problem = GemmProblem.Create(c);
                    var before = problem.C.CopyWindow();
                    problem.Invoke();

                    problem.C.AssertSentinelsIntact("C", c.ToString());
                    var after = problem.C.CopyWindow();
                    for (int e = 0; e < after.Length; e++)
                    {
                        // beta == 0: zeros even over NaN; otherwise exactly the float product beta·c.
                        float want = beta == 0 ? 0f : beta * before[e];
                        if (after[e] != want)
                        {
                            Assert.Fail($"{c}: C[{e / n},{e % n}] = {Tolerance.Describe(after[e])}, expected beta·c = " +
                                $"{Tolerance.Describe(want)} (c was {Tolerance.Describe(before[e])}).");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Empty_m_or_n_writes_nothing(GemmEntry entry, SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        foreach (var (m, n, k) in new[] { (0, 5, 7), (6, 0, 7), (0, 0, 3), (0, 40, 300), (40, 0, 300) })
        {
            foreach (float beta in new[] { 0f, 2f })
            {
                var c = new GemmCase(entry, path, Transpose.No, Transpose.No, m, n, k, 1.5f, beta, PadC: 2,
                    TailC: 9, Seed: m + n + k);
                var problem = GemmProblem.Create(c);
                // The window is empty, so nothing in C's span (tail only) or its guards may change.
                var before = problem.C.Buffer.Snapshot();
                problem.Invoke();
                problem.C.AssertUnchanged(before, "C", c.ToString());
                problem.C.AssertSentinelsIntact("C", c.ToString());
            }
        }
    }

    /// <summary>(m, n, k) of the products an MLP runs, plus block-crossing ones; see <see cref="Mlp_shapes_match_reference"/>.</summary>
    private static readonly (string Why, int M, int N, int K)[] s_mlpShapes =
    [
        ("batch 1, hidden layer", 1, 256, 784),
        ("batch 1, output layer", 1, 10, 256),
        ("batch 2", 2, 256, 130),
        ("batch 3", 3, 33, 257),
        ("output layer, batch 64", 64, 10, 256),
        ("output layer, batch 256", 256, 10, 128),
        ("k = 1 (rank-1 update)", 64, 256, 1),
        ("k = 1, odd shape", 131, 37, 1),
        ("k = 1000 crosses K blocks", 9, 33, 1000),
        ("k = 1100 crosses the AVX-512 8×32 kernel's KC (1024)", 16, 40, 1100),
        ("k = 1000, output layer", 5, 10, 1000),
        ("m past MC", 257, 33, 257),
        ("n past the AVX-512 8×32 kernel's NC (1024)", 16, 1025, 17),
        ("n past NC (4096)", 9, 4097, 17),
    ];

    [Theory]
    [MemberData(nameof(Entries))]
    public void Mlp_shapes_match_reference(GemmEntry entry, SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        for (int shape = 0; shape < s_mlpShapes.Length; shape++)
        {
            var (why, m, n, k) = s_mlpShapes[shape];
            for (int t = 0; t < 4; t++)
            {
                // Forward (alpha 1, beta 0 over NaN, one thread) or gradient accumulation (beta 1, padded, two
                // threads), alternating so that every shape and every transpose combination gets both.
                bool accumulate = (shape + t) % 2 == 1;
                var (alpha, beta, pad) = accumulate ? (-0.75f, 1f, 3) : (1f, 0f, 0);
                var c = new GemmCase(entry, path, s_both[t / 2], s_both[t % 2], m, n, k, alpha, beta, PadA: pad,
                    PadB: pad + 1, PadC: pad, TailC: pad, Dop: accumulate ? 2 : 1, Seed: 100 + 4 * shape + t);
                var problem = GemmProblem.Create(c);
                var reference = problem.ComputeReference(shared: true);
                problem.Invoke();
                problem.AssertResult(reference, why);
            }
        }
    }
}
