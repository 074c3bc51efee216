using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// maxDegreeOfParallelism 1, 2, 3 and 4 give bit-identical C (work is split over M and N, never K; split over M, the
/// parts share one packed op(B) of 256 KB or more, each packing the panel groups it reaches first, and each pack a
/// smaller one themselves), on shapes large enough to be split,
/// for every kernel family. The single-threaded result is also checked against the
/// reference, and every run's sentinels must survive.
/// </summary>
public sealed class GemmDeterminismTests
{
    /// <summary>
    /// Shapes: a generic large one and the MLP's forward and backward products. The scalar family gets two smaller
    /// shapes that still split into many units: it is the same driver code with 4×4 tiles, and at full size it alone
    /// would cost a minute in the emulated Arm64 leg.
    /// </summary>
    public static TheoryData<SimdPath, int, int, int, Transpose, Transpose> Shapes()
    {
        var data = new TheoryData<SimdPath, int, int, int, Transpose, Transpose>();
        foreach (var path in SimdPaths.All)
        {
            if (path == SimdPath.Scalar)
            {
                data.Add(path, 150, 260, 150, Transpose.No, Transpose.No);
                data.Add(path, 200, 96, 80, Transpose.Yes, Transpose.Yes);
                data.Add(path, 152, 60, 300, Transpose.No, Transpose.No); // split M, each part packs its own B̃
                data.Add(path, 260, 256, 260, Transpose.No, Transpose.No); // shared B̃: 2 K slices, 16 panel groups
                continue;
            }

            data.Add(path, 300, 520, 300, Transpose.No, Transpose.No);
            data.Add(path, 256, 784, 256, Transpose.No, Transpose.Yes); // dX = dY·Wᵀ, batch 256
            data.Add(path, 64, 256, 784, Transpose.No, Transpose.No); // forward, batch 64
            data.Add(path, 784, 256, 64, Transpose.Yes, Transpose.No); // dW = Xᵀ·dY, batch 64
            data.Add(path, 64, 256, 784, Transpose.Yes, Transpose.Yes);
            data.Add(path, 1000, 10, 128, Transpose.No, Transpose.No); // output layer, dot products
            data.Add(path, 1500, 7, 100, Transpose.No, Transpose.Yes); // dot products, ragged k, op(B) transposed
            data.Add(path, 2200, 10, 48, Transpose.No, Transpose.No); // too shallow for dot products: lanes along n
            data.Add(path, 1100, 1000, 1, Transpose.Yes, Transpose.No); // k = 1: the batch-1 weight gradient's shape
            data.Add(path, 1030, 1100, 1, Transpose.Yes, Transpose.Yes); // k = 1, op(B) gathered, ragged columns
            data.Add(path, 1000, 10, 256, Transpose.Yes, Transpose.No); // its gradient shape, lanes along m
            data.Add(path, 1100, 13, 100, Transpose.Yes, Transpose.Yes); // two column groups, op(B) transposed
            // Split over M with one shared B̃ (SharedPackedB): whole tiles, so no transposed orientation; several K
            // slices and panel groups, then several NC blocks (8×32: NC = 1024).
            data.Add(path, 304, 224, 1100, Transpose.No, Transpose.No);
            data.Add(path, 1104, 1056, 64, Transpose.Yes, Transpose.No);
            // Split over M with op(B) too small to share (under 256 KB packed): each part packs its own B̃.
            data.Add(path, 256, 128, 256, Transpose.No, Transpose.No); // forward, batch 256
            data.Add(path, 256, 128, 256, Transpose.Yes, Transpose.No); // dW, batch 256
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Thread_count_does_not_change_a_bit(SimdPath path, int m, int n, int k, Transpose transA,
        Transpose transB)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        var c = new GemmCase(GemmEntry.Driver, path, transA, transB, m, n, k, 0.75f, -0.5f, PadA: 1, PadB: 3,
            PadC: 5, TailC: 2, Seed: m ^ n ^ k);
        var problem = GemmProblem.Create(c);
        var reference = problem.ComputeReference(shared: true);

        problem.Invoke(1);
        problem.AssertResult(reference, "maxDegreeOfParallelism = 1");
        var serial = problem.C.Buffer.Snapshot();

        for (int dop = 2; dop <= 4; dop++)
        {
            problem.ResetC();
            problem.Invoke(dop);
            problem.C.AssertSentinelsIntact("C", $"{c} [maxDegreeOfParallelism = {dop}]");
            int at = Tolerance.FirstBitMismatch(problem.C.Buffer.Storage, serial);
            if (at >= 0)
            {
                int index = at - problem.C.Buffer.Guard;
                Assert.Fail($"{c}: maxDegreeOfParallelism = {dop} differs from 1 at C element {index} " +
                    $"({problem.C.DescribeIndex(index)}): {Tolerance.Describe(problem.C.Buffer.Storage[at])} vs " +
                    $"{Tolerance.Describe(serial[at])}.");
            }
        }
    }
}
