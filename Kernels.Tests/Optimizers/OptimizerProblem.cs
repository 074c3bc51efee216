using SimdMlp.Kernels.Tests.Losses;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// Runs three steps of an <see cref="OptimizerCase"/> and checks each against <see cref="OptimizerReference"/>
/// (fed the kernel's own float inputs of that step, so errors do not compound), and bit for bit against the scalar
/// path; the state buffers start as NaN, which step 1 must ignore; nothing is written past the buffers (each is a
/// <see cref="SentinelBuffer"/>) and the gradients are not written.
/// </summary>
public static class OptimizerProblem
{
    private const int Steps = 3;
    private const int Tail = 3;

    /// <summary>Runs <paramref name="c"/> and asserts everything described on <see cref="OptimizerProblem"/>.</summary>
    public static void Check(OptimizerCase c)
    {
        int n = c.Length;
        var random = new Random(c.Seed);
        float Next() => (float)((2 * random.NextDouble() - 1) * c.Scale);
        var weights = Buffer(n, fill: Next);
        int n1 = c.Rule.StateCount >= 1 ? n : 0, n2 = c.Rule.StateCount >= 2 ? n : 0;
        var state1 = Buffer(n1, fill: () => float.NaN);
        var state2 = Buffer(n2, fill: () => float.NaN);
        string context = c.ToString();
        for (int step = 1; step <= Steps; step++)
        {
            var gradients = new float[n];
            for (int k = 0; k < n; k++) gradients[k] = Next();
            var gradientsCopy = (float[])gradients.Clone();
            var w = weights.Span[..n].ToArray();
            var s1 = state1.Span[..n1].ToArray();
            var s2 = state2.Span[..n2].ToArray();

            c.Rule.Step(c.Public ? null : c.Path, weights.Span[..n], gradients, state1.Span[..n1], state2.Span[..n2],
                step);

            Assert.Equal(gradientsCopy, gradients);
            string at = $"{context} step {step}";
            string wName = $"{at}: w", s1Name = $"{at}: state1", s2Name = $"{at}: state2";
            for (int k = 0; k < n; k++)
            {
                var expected = OptimizerReference.Step(c.Rule, w[k], gradients[k], n1 > 0 ? s1[k] : 0,
                    n2 > 0 ? s2[k] : 0, step);
                ReferenceAssert.Within(weights.Span[k], expected.Weight, expected.WeightBound, wName, k);
                if (n1 > 0) ReferenceAssert.Within(state1.Span[k], expected.State1, expected.State1Bound, s1Name, k);
                if (n2 > 0) ReferenceAssert.Within(state2.Span[k], expected.State2, expected.State2Bound, s2Name, k);
            }

            if (c.Path != SimdPath.Scalar || c.Public)
            {
                c.Rule.Step(SimdPath.Scalar, w, gradients, s1, s2, step);
                AssertBitIdentical(w, weights.Span[..n], $"{context} step {step}: weights");
                AssertBitIdentical(s1, state1.Span[..s1.Length], $"{context} step {step}: state1");
                AssertBitIdentical(s2, state2.Span[..s2.Length], $"{context} step {step}: state2");
            }
        }

        weights.AssertSentinelsIntact("weights", context: context);
        state1.AssertSentinelsIntact("state1", context: context);
        state2.AssertSentinelsIntact("state2", context: context);
    }

    private static SentinelBuffer Buffer(int length, Func<float> fill)
    {
        var buffer = new SentinelBuffer(length + Tail);
        buffer.Open(0, length);
        for (int k = 0; k < length; k++) buffer.Span[k] = fill();
        return buffer;
    }

    private static void AssertBitIdentical(ReadOnlySpan<float> scalar, ReadOnlySpan<float> actual, string what)
    {
        int index = Tolerance.FirstBitMismatch(scalar, actual);
        Assert.True(index < 0, index < 0 ? "" :
            $"{what}[{index}] = {Tolerance.Describe(actual[index])}, but the scalar path gives {Tolerance.Describe(scalar[index])}.");
    }
}
