using System.Diagnostics;
using SimdMlp.Bench.Common;

namespace SimdMlp.Bench.Mlp;

/// <summary>
/// Times training steps of several <see cref="StepCase"/>s. Every case is warmed up and calibrated first, then the
/// samples run in rounds — one sample of every case per round, starting with a different case each round — so a burst
/// of load from other jobs on the machine hits every case alike (in particular the 1- and 2-thread cases a speed-up
/// compares). Paired ratios per round are kept too, for a noise-robust speed-up.
/// </summary>
public sealed class StepSampler(MlpBenchPlan plan)
{
    /// <summary>Pause after a multi-threaded sample: GEMM workers spin ~100 µs before they block.</summary>
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(1);

    /// <summary>Per-sample µs per step of each case, in case order, round by round (for paired ratios).</summary>
    public double[][] Times { get; private set; } = [];

    public IReadOnlyList<StepResult> Measure(IReadOnlyList<StepCase> cases, Action<string> progress)
    {
        int count = cases.Count;
        var stepsPerSample = new int[count];
        for (int c = 0; c < count; c++)
        {
            double perStep = WarmUp(cases[c]);
            stepsPerSample[c] = (int)Math.Clamp(Math.Ceiling(plan.SampleTime.TotalSeconds / perStep), 1, int.MaxValue);
            progress($"{cases[c].Label}: warmed up, ~{perStep * 1e6:F0} µs/step, {stepsPerSample[c]} steps per sample");
            Settle(cases[c]);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();

        var times = new double[count][];
        for (int c = 0; c < count; c++) times[c] = new double[plan.Samples];
        for (int round = 0; round < plan.Samples; round++)
        {
            for (int k = 0; k < count; k++)
            {
                int c = (round + k) % count;
                var stepCase = cases[c];
                long start = Stopwatch.GetTimestamp();
                stepCase.Run(stepsPerSample[c]);
                times[c][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / stepsPerSample[c];
                if (round == 0) stepCase.FirstLoss = stepCase.LastLoss;
                Settle(stepCase);
            }
        }

        Times = times.Select(t => (double[])t.Clone()).ToArray();
        var results = new StepResult[count];
        for (int c = 0; c < count; c++)
        {
            var stepCase = cases[c];
            bool processWide = stepCase.Threads > 1;
            int steps = Math.Max(plan.AllocationSteps, stepsPerSample[c]);
            // Process-wide for 2 threads so allocations on the GEMM worker threads count; the minimum over 3 blocks
            // keeps an unrelated runtime allocation in one window from being charged to the steps.
            long bytes = AllocationProbe.BytesPerCall(() => stepCase.Run(steps), processWide);
            Settle(stepCase);
            double[] t = times[c];
            results[c] = new StepResult(stepCase.Key, stepCase.Label, stepCase.Batch, stepCase.Threads,
                Stats.Median(t, t.Length), t.Min(), t.Max(), t.Length, stepsPerSample[c], bytes, steps, processWide,
                stepCase.FirstLoss, stepCase.LastLoss);
        }

        return results;
    }

    /// <summary>Steps until both warm-up minimums have passed, then returns a calibrated time per step in seconds.</summary>
    private double WarmUp(StepCase stepCase)
    {
        long start = Stopwatch.GetTimestamp();
        int steps = 0;
        while (steps < plan.WarmupSteps || Stopwatch.GetElapsedTime(start) < plan.WarmupTime)
        {
            stepCase.Run(10);
            steps += 10;
        }

        // Calibrate on a batch lasting a quarter of a sample; the median of three resists a burst of load.
        double quarter = plan.SampleTime.TotalSeconds / 4;
        for (int n = 1; ; n *= 2)
        {
            double perStep = SecondsPerStep(stepCase, n);
            if (perStep * n < quarter && n < 1 << 20) continue;
            double[] three = [perStep, SecondsPerStep(stepCase, n), SecondsPerStep(stepCase, n)];
            return Stats.Median(three, 3);
        }
    }

    private static double SecondsPerStep(StepCase stepCase, int steps)
    {
        long start = Stopwatch.GetTimestamp();
        stepCase.Run(steps);
        return Stopwatch.GetElapsedTime(start).TotalSeconds / steps;
    }

    private static void Settle(StepCase stepCase)
    {
        if (stepCase.Threads > 1) Thread.Sleep(s_settle);
    }
}
