using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>After warm-up, no optimizer step allocates.</summary>
public sealed class OptimizerAllocationTests
{
    [Fact]
    public void Optimizer_steps_allocate_nothing_after_warm_up()
    {
        const int Length = 1003;
        var w = new float[Length];
        var g = new float[Length];
        var s1 = new float[Length];
        var s2 = new float[Length];
        for (int k = 0; k < Length; k++) (w[k], g[k]) = (MathF.Sin(k), MathF.Cos(k));

        void All(int step)
        {
            new Sgd(0.1, weightDecay: 1e-4).Step(w, g);
            new Sgd(0.1, 0.9, 0.1).Step(w, g, s1, step);
            new Sgd(0.1, 0.9, nesterov: true).Step(w, g, s1, step);
            new Adam(1e-3, weightDecay: 1e-4).Step(w, g, s1, s2, step);
            new AdamW(1e-3).Step(w, g, s1, s2, step);
        }

        All(1);
        int next = 2;
        Action call = () => All(next++);
        SteadyStateAllocation.AssertNone(call, "every optimizer's Step");
    }
}
