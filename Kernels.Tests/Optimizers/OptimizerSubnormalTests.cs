using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// Optimizer state that decays below the smallest normal float is stored as zero (subnormal arithmetic costs a
/// microcode assist per instruction); state above it, and NaN, are stored as computed.
/// </summary>
public sealed class OptimizerSubnormalTests
{
    private const float SmallestNormal = 1.17549435E-38f;

    // Every lane of every vector width and the scalar tail: 16 + 8 + 4 + 3.
    private const int Length = 31;

    public static TheoryData<SimdPath, UpdateKind> Cases()
    {
        var data = new TheoryData<SimdPath, UpdateKind>();
        foreach (var path in SimdPaths.All)
        {
            foreach (var kind in new[] { UpdateKind.Momentum, UpdateKind.Nesterov, UpdateKind.Adam, UpdateKind.AdamW })
                data.Add(path, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void State_decaying_below_the_smallest_normal_is_stored_as_zero(SimdPath path, UpdateKind kind)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        var rule = new UpdateRule(kind, 1e-3, Momentum: 0.9);
        var weights = new float[Length];
        var gradients = new float[Length]; // Zero: the state only decays (by 0.9, or 0.999 for Adam's v).
        var state1 = new float[Length];
        var state2 = new float[Length];
        for (int i = 0; i < Length; i++)
        {
            weights[i] = 0.5f + i;
            // Even lanes sit just above the smallest normal, so one decay takes them below it; odd lanes stay normal.
            state1[i] = i % 2 == 0 ? SmallestNormal * 1.01f : 1e-30f;
            state2[i] = i % 2 == 0 ? SmallestNormal * 1.0005f : 1e-30f;
        }

        state1[Length - 1] = float.NaN; // A NaN is not a subnormal: it must stay visible.
        rule.Step(path, weights, gradients, state1, state2, step: 2);

        for (int i = 0; i < Length - 1; i++)
        {
            if (i % 2 == 0)
            {
                Assert.True(state1[i] == 0, $"{rule} on {path}: state 1 lane {i} is {state1[i]:R}, expected 0");
                if (rule.StateCount == 2) Assert.True(state2[i] == 0, $"{rule} on {path}: state 2 lane {i} is {state2[i]:R}, expected 0");
            }
            else
            {
                Assert.True(state1[i] > SmallestNormal, $"{rule} on {path}: state 1 lane {i} is {state1[i]:R}, a normal value lost");
                if (rule.StateCount == 2) Assert.True(state2[i] > SmallestNormal, $"{rule} on {path}: state 2 lane {i} is {state2[i]:R}");
            }

            Assert.Equal(0.5f + i, weights[i]); // Moments this small cannot move a weight of this size.
        }

        Assert.True(float.IsNaN(state1[Length - 1]), $"{rule} on {path}: NaN state became {state1[Length - 1]:R}");
    }
}
