using SimdMlp.Kernels.Tests.Gemm;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// A multi-threaded optimizer step splits the buffers into element ranges; every element must come out with the
/// same bits as a one-thread step, at every split boundary and tail, or training would stop being deterministic.
/// </summary>
[Collection(nameof(GemmAllocationCollection))] // Shares the worker pool with the GEMM tests that measure it.
public sealed class OptimizerParallelTests
{
    // Around the threshold (one thread below it), odd tails at every vector width, and the 784-256-128-10 network.
    private static readonly int[] s_lengths =
        [UpdateDriver.ParallelThreshold - 1, UpdateDriver.ParallelThreshold, UpdateDriver.ParallelThreshold + 1,
         UpdateDriver.ParallelThreshold * 2 + 63, 100_003, 235_146];

    private static readonly UpdateRule[] s_rules =
    [
        new(UpdateKind.Sgd, 0.05, WeightDecay: 1e-3),
        new(UpdateKind.Momentum, 0.05, Momentum: 0.9, Dampening: 0.1, WeightDecay: 1e-3),
        new(UpdateKind.Nesterov, 0.05, Momentum: 0.9),
        new(UpdateKind.Adam, 1e-3, WeightDecay: 1e-4),
        new(UpdateKind.AdamW, 1e-3, WeightDecay: 1e-2),
    ];

    public static TheoryData<SimdPath, int> PathsAndThreads()
    {
        var data = new TheoryData<SimdPath, int>();
        foreach (var path in SimdPaths.All)
        {
            foreach (int threads in new[] { 2, 3, 8 }) data.Add(path, threads);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndThreads))]
    public void Parallel_steps_are_bit_identical_to_one_thread(SimdPath path, int threads)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        foreach (var rule in s_rules)
        {
            foreach (int length in s_lengths)
            {
                var serial = new Buffers(length);
                var parallel = new Buffers(length);
                for (int step = 1; step <= 3; step++)
                {
                    rule.Step(path, serial.Weights, serial.Gradients, serial.State1, serial.State2, step);
                    rule.Step(path, parallel.Weights, parallel.Gradients, parallel.State1, parallel.State2, step, threads);
                }

                string what = $"{rule} on {path}, {length} floats, {threads} threads";
                AssertBitIdentical(serial.Weights, parallel.Weights, what + ": weights");
                AssertBitIdentical(serial.State1, parallel.State1, what + ": state 1");
                AssertBitIdentical(serial.State2, parallel.State2, what + ": state 2");
                Assert.NotEqual(new Buffers(length).Weights, serial.Weights); // The step did update something.
            }
        }
    }

    [Fact]
    public void Parallel_steps_allocate_nothing_after_warm_up()
    {
        var buffers = new Buffers(UpdateDriver.ParallelThreshold * 3 + 5);
        int next = 1;
        void All()
        {
            int step = next++;
            foreach (var rule in s_rules)
                rule.Step(null, buffers.Weights, buffers.Gradients, buffers.State1, buffers.State2, step, threads: 2);
        }

        All();
        SteadyStateAllocation.AssertNone(All, "a two-thread optimizer step");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Parallelism_below_one_is_rejected_by_name(int threads)
    {
        var buffers = new Buffers(16);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Adam(1e-3).Step(buffers.Weights, buffers.Gradients, buffers.State1, buffers.State2, 1, threads));
        Assert.Equal("maxDegreeOfParallelism", error.ParamName);
        Assert.Equal(new Buffers(16).Weights, buffers.Weights); // Nothing written before the check.
    }

    private static void AssertBitIdentical(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, one thread gives {expected[i]:R}.");
        }
    }

    /// <summary>Weights, gradients and two state buffers with a fixed pseudo-random fill.</summary>
    private sealed class Buffers
    {
        public Buffers(int length)
        {
            Weights = new float[length];
            Gradients = new float[length];
            State1 = new float[length];
            State2 = new float[length];
            var random = new Random(length);
            for (int i = 0; i < length; i++)
            {
                Weights[i] = (float)(random.NextDouble() * 2 - 1);
                Gradients[i] = (float)(random.NextDouble() * 2 - 1) * 0.1f;
            }
        }

        public float[] Weights { get; }
        public float[] Gradients { get; }
        public float[] State1 { get; }
        public float[] State2 { get; }
    }
}
