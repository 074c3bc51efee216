using System.Runtime.Intrinsics;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Elementwise;

public class ElementwiseDriverTests
{
    /// <summary>x + 2y: not idempotent in either argument, so a tail recomputed from already-written output shows.</summary>
    private readonly struct XPlusTwoY : IBinaryOperator
    {
        public float Invoke(float x, float y) => x + 2 * y;

        public Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => x + y + y;

        public Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => x + y + y;

        public Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => x + y + y;
    }

    private static float[] Sequence(int n, float start) => Enumerable.Range(0, n).Select(i => start + i).ToArray();

    [Fact]
    public void Unary_in_place_is_correct_for_a_non_idempotent_operator_at_every_length()
    {
        for (int n = 0; n <= 300; n++)
        {
            float[] x = Sequence(n, 1f);
            var destination = new SentinelBuffer(n + 7);
            destination.Open(0, n);
            ElementwiseDriver.Unary(new MultiplyByScalarOperator(2f), x, destination.Span);
            destination.AssertSentinelsIntact("destination", context: $"n = {n}");

            ElementwiseDriver.Unary(new MultiplyByScalarOperator(2f), x, x);
            for (int i = 0; i < n; i++)
            {
                Assert.True(x[i] == 2f * (1 + i), $"in place, n = {n}: x[{i}] = {x[i]}, expected {2f * (1 + i)}.");
                Assert.Equal(x[i], destination.Span[i]);
            }
        }
    }

    [Fact]
    public void Binary_in_place_over_either_input_is_correct_at_every_length()
    {
        for (int n = 0; n <= 300; n++)
        {
            float[] x = Sequence(n, 1f), y = Sequence(n, 1000f);
            float[] expected = x.Zip(y, (a, b) => a + 2 * b).ToArray();
            var destination = new SentinelBuffer(n + 7);
            destination.Open(0, n);
            ElementwiseDriver.Binary(default(XPlusTwoY), x, y, destination.Span);
            destination.AssertSentinelsIntact("destination", context: $"n = {n}");
            Assert.Equal(expected, destination.Span[..n].ToArray());

            float[] overX = (float[])x.Clone(), overY = (float[])y.Clone();
            ElementwiseDriver.Binary(default(XPlusTwoY), overX, y, overX);
            ElementwiseDriver.Binary(default(XPlusTwoY), x, overY, overY);
            Assert.Equal(expected, overX);
            Assert.Equal(expected, overY);
        }
    }

    /// <summary>Every alignment of the destination (the main loop starts at the first aligned element) and of the input.</summary>
    [Fact]
    public void Unary_and_binary_are_correct_at_every_misalignment()
    {
        foreach (int n in new[] { 4, 15, 16, 17, 31, 33, 64, 65, 100, 129 })
        {
            for (int offset = 0; offset < 16; offset++)
            {
                float[] buffer = new float[n + 16 + 8];
                var x = buffer.AsSpan(offset, n);
                for (int i = 0; i < n; i++) x[i] = 1 + i;
                ElementwiseDriver.Unary(new MultiplyByScalarOperator(2f), x, x);
                for (int i = 0; i < n; i++) Assert.True(x[i] == 2f * (1 + i), $"unary n = {n}, offset = {offset}, [{i}] = {x[i]}");

                float[] y = Sequence(n, 1000f), destination = new float[n + 16];
                ElementwiseDriver.Binary(default(XPlusTwoY), x, y, destination.AsSpan(offset % 7, n));
                for (int i = 0; i < n; i++) Assert.Equal(2f * (1 + i) + 2 * (1000 + i), destination[offset % 7 + i]);
            }
        }
    }

    /// <summary>Destinations of 4 MiB and more take the streaming-store loop: in place, misaligned, and guarded.</summary>
    [Fact]
    public void Large_destinations_use_streaming_stores_correctly()
    {
        int threshold = (int)ElementwiseDriver.NonTemporalThresholdBytes / sizeof(float);
        foreach (int n in new[] { threshold, threshold + 37 })
        {
            foreach (int offset in new[] { 0, 3 })
            {
                var destination = new SentinelBuffer(n + offset + 5);
                destination.Open(offset, n);
                float[] x = Sequence(n, 1f), y = Sequence(n, -7f);
                ElementwiseDriver.Unary(new MultiplyByScalarOperator(2f), x, destination.Span.Slice(offset, n));
                destination.AssertSentinelsIntact("destination", context: $"unary n = {n}, offset = {offset}");
                for (int i = 0; i < n; i++)
                {
                    if (destination.Span[offset + i] != 2f * (1 + i)) Assert.Fail($"unary n = {n}, offset = {offset}, [{i}]");
                }

                ElementwiseDriver.Binary(default(XPlusTwoY), x, y, destination.Span.Slice(offset, n));
                destination.AssertSentinelsIntact("destination", context: $"binary n = {n}, offset = {offset}");
                ElementwiseDriver.Binary(default(XPlusTwoY), x, y, x); // in place over x
                for (int i = 0; i < n; i++)
                {
                    float expected = 1 + i + 2 * (-7f + i);
                    if (destination.Span[offset + i] != expected || x[i] != expected) Assert.Fail($"binary n = {n}, offset = {offset}, [{i}]");
                }

                // In place, the unary loop's prefetches run ahead of its own stores.
                ElementwiseDriver.Unary(new MultiplyByScalarOperator(2f), y.AsSpan(offset), y.AsSpan(offset));
                for (int i = offset; i < n; i++)
                {
                    if (y[i] != 2f * (-7f + i)) Assert.Fail($"unary in place n = {n}, offset = {offset}, [{i}]");
                }
            }
        }
    }
}
