using Xunit;
using L = SimdMlp.Kernels.Losses;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// Each public loss rejects bad shapes, short outputs and forbidden overlaps with an exception naming the argument,
/// before writing anything; allowed aliasing (in place) and longer outputs work.
/// </summary>
public sealed class LossArgumentTests
{
    private static readonly float[] s_logits = [0.5f, -1f, 2f, 0f, 1f, 3f]; // [2, 3]
    private static readonly float[] s_targets = [0f, 1f, 0f, 1f, 0f, 0f];
    private static readonly int[] s_labels = [1, 0];

    private static T Throws<T>(string paramName, Action action)
        where T : ArgumentException
    {
        var e = Assert.Throws<T>(action);
        Assert.Equal(paramName, e.ParamName);
        return e;
    }

    [Fact]
    public void Softmax_labels_rejects_bad_arguments()
    {
        var d = new float[6];
        var p = new float[6];
        Throws<ArgumentException>("logits", () => L.SoftmaxCrossEntropy(s_logits.AsSpan(0, 5), s_labels, d));
        Throws<ArgumentException>("logits", () => L.SoftmaxCrossEntropy(s_logits, [], d));
        Throws<ArgumentException>("logits", () => L.SoftmaxCrossEntropy([], s_labels, d));
        var e = Throws<ArgumentOutOfRangeException>("labels", () => L.SoftmaxCrossEntropy(s_logits, [1, 3], d));
        Assert.Contains("labels[1] = 3", e.Message, StringComparison.Ordinal);
        Throws<ArgumentOutOfRangeException>("labels", () => L.SoftmaxCrossEntropy(s_logits, [-1, 0], d));
        Throws<ArgumentException>("dLogits", () => L.SoftmaxCrossEntropy(s_logits, s_labels, new float[5]));
        Throws<ArgumentException>("probabilities", () => L.SoftmaxCrossEntropy(s_logits, s_labels, new float[5], d));
        Throws<ArgumentException>("dLogits", () => L.SoftmaxCrossEntropy(s_logits, s_labels, p, new float[5]));
        Throws<ArgumentException>("probabilities", () => L.SoftmaxCrossEntropy(s_logits, s_labels, d, d));
    }

    [Fact]
    public void Softmax_targets_rejects_bad_arguments()
    {
        var d = new float[6];
        Throws<ArgumentOutOfRangeException>("batch", () => L.SoftmaxCrossEntropy(s_logits, s_targets, -1, d));
        Throws<ArgumentException>("batch", () => L.SoftmaxCrossEntropy(s_logits, s_targets, 0, d));
        Throws<ArgumentException>("logits", () => L.SoftmaxCrossEntropy(s_logits, s_targets, 4, d));
        Throws<ArgumentException>("logits", () => L.SoftmaxCrossEntropy([], [], 2, d));
        Throws<ArgumentException>("targets", () => L.SoftmaxCrossEntropy(s_logits, s_targets.AsSpan(0, 3), 2, d));
        Throws<ArgumentException>("dLogits", () => L.SoftmaxCrossEntropy(s_logits, s_targets, 2, new float[5]));
        Throws<ArgumentException>("probabilities",
            () => L.SoftmaxCrossEntropy(s_logits, s_targets, 2, new float[5], d));
        Throws<ArgumentException>("probabilities", () => L.SoftmaxCrossEntropy(s_logits, s_targets, 2, d, d));
        var targets = (float[])s_targets.Clone();
        Throws<ArgumentException>("dLogits", () => L.SoftmaxCrossEntropy(s_logits, targets, 2, targets));
    }

    [Fact]
    public void Sigmoid_bce_and_half_squared_error_reject_bad_arguments()
    {
        var d = new float[6];
        Throws<ArgumentOutOfRangeException>("batch", () => L.SigmoidBinaryCrossEntropy(s_logits, s_targets, -2, d));
        Throws<ArgumentException>("logits", () => L.SigmoidBinaryCrossEntropy(s_logits, s_targets, 4, d));
        Throws<ArgumentException>("targets", () => L.SigmoidBinaryCrossEntropy(s_logits, s_targets.AsSpan(1), 2, d));
        Throws<ArgumentException>("dLogits", () => L.SigmoidBinaryCrossEntropy(s_logits, s_targets, 2, d.AsSpan(1)));
        Throws<ArgumentException>("probabilities",
            () => L.SigmoidBinaryCrossEntropy(s_logits, s_targets, 2, d.AsSpan(1), new float[6]));
        Throws<ArgumentOutOfRangeException>("batch", () => L.HalfSquaredError(s_logits, s_targets, -1, d));
        Throws<ArgumentException>("batch", () => L.HalfSquaredError(s_logits, s_targets, 0, d));
        Throws<ArgumentException>("predictions", () => L.HalfSquaredError(s_logits, s_targets, 5, d));
        Throws<ArgumentException>("targets", () => L.HalfSquaredError(s_logits, s_targets.AsSpan(0, 4), 2, d));
        Throws<ArgumentException>("dPredictions", () => L.HalfSquaredError(s_logits, s_targets, 2, d.AsSpan(0, 5)));
    }

    [Fact]
    public void Partial_overlap_with_the_logits_is_rejected_but_in_place_is_allowed()
    {
        var buffer = new float[8];
        s_logits.CopyTo(buffer, 0);
        Throws<ArgumentException>("dLogits",
            () => L.SigmoidBinaryCrossEntropy(buffer.AsSpan(0, 6), s_targets, 2, buffer.AsSpan(1, 6)));
        Throws<ArgumentException>("dPredictions",
            () => L.HalfSquaredError(buffer.AsSpan(1, 6), s_targets, 2, buffer.AsSpan(0, 7)));
        Throws<ArgumentException>("probabilities",
            () => L.SoftmaxCrossEntropy(buffer.AsSpan(0, 6), s_labels, buffer.AsSpan(2, 6), new float[6]));

        var separate = new float[6];
        float expected = L.SoftmaxCrossEntropy(s_logits, s_labels, separate);
        float inPlace = L.SoftmaxCrossEntropy(buffer.AsSpan(0, 6), s_labels, buffer.AsSpan(0, 6));
        Assert.Equal(expected, inPlace);
        Assert.Equal(separate, buffer.AsSpan(0, 6).ToArray());
    }

    [Fact]
    public void Probabilities_may_overwrite_the_logits()
    {
        var p = new float[6];
        var d = new float[6];
        float softmax = L.SoftmaxCrossEntropy(s_logits, s_targets, 2, p, d);
        var buffer = (float[])s_logits.Clone();
        var dInPlace = new float[6];
        Assert.Equal(softmax, L.SoftmaxCrossEntropy(buffer, s_targets, 2, buffer, dInPlace));
        Assert.Equal(p, buffer);
        Assert.Equal(d, dInPlace);

        float sigmoid = L.SigmoidBinaryCrossEntropy(s_logits, s_targets, 2, p, d);
        buffer = (float[])s_logits.Clone();
        Assert.Equal(sigmoid, L.SigmoidBinaryCrossEntropy(buffer, s_targets, 2, buffer, dInPlace));
        Assert.Equal(p, buffer);
        Assert.Equal(d, dInPlace);
    }

    [Fact]
    public void A_rejected_call_writes_nothing()
    {
        var d = Enumerable.Repeat(7f, 6).ToArray();
        var p = Enumerable.Repeat(9f, 6).ToArray();
        Assert.Throws<ArgumentOutOfRangeException>(() => L.SoftmaxCrossEntropy(s_logits, [0, 5], p, d));
        Assert.Throws<ArgumentException>(() => L.SoftmaxCrossEntropy(s_logits, s_targets, 2, p, d.AsSpan(0, 5)));
        Assert.All(d, v => Assert.Equal(7f, v));
        Assert.All(p, v => Assert.Equal(9f, v));
    }

    [Fact]
    public void An_empty_batch_returns_zero_and_writes_nothing()
    {
        var d = new[] { 5f };
        Assert.Equal(0f, L.SoftmaxCrossEntropy([], ReadOnlySpan<int>.Empty, d));
        Assert.Equal(0f, L.SoftmaxCrossEntropy([], ReadOnlySpan<float>.Empty, 0, d, new float[1]));
        Assert.Equal(0f, L.SigmoidBinaryCrossEntropy([], [], 0, d));
        Assert.Equal(0f, L.HalfSquaredError([], [], 3, d));
        Assert.Equal(5f, d[0]);
    }
}
