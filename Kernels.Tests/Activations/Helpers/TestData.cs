using SimdMlp.Kernels.Tests.Support;

namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>Reproducible test inputs.</summary>
public static class TestData
{
    /// <summary>Lengths 0..300: every tail of every width (16·4 unroll = 64 divides into 300 with all remainders).</summary>
    public static IEnumerable<int> AllLengths => Enumerable.Range(0, 301);

    /// <summary>
    /// Mostly uniform in [−range, range], with an occasional ±0, tiny or large value, from a fixed seed.
    /// Finite only: special values have their own tests.
    /// </summary>
    public static float[] Values(int length, int seed, float range = 8f)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(16) switch
            {
                0 => random.Next(2) == 0 ? 0f : -0f,
                1 => (float)((random.NextDouble() - 0.5) * 1e-6),
                2 => (float)((random.NextDouble() - 0.5) * 60),
                _ => (float)((random.NextDouble() * 2 - 1) * range),
            };
        }

        return values;
    }

    /// <summary>An output buffer of <paramref name="length"/> elements, of which only the first <paramref name="open"/> may be written.</summary>
    public static SentinelBuffer Output(int length, int open)
    {
        var buffer = new SentinelBuffer(length);
        buffer.Open(0, open);
        return buffer;
    }
}
