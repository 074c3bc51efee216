namespace SimdMlp.Tests.Support;

/// <summary>The two-moons toy set: two interleaved half circles with noise, labels 0 and 1.</summary>
public static class TwoMoons
{
    public static (float[] Inputs, int[] Labels) Generate(int count, int seed, double noise = 0.1)
    {
        var random = new SplitMix64(seed);
        var inputs = new float[2 * count];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 2;
            double t = Math.PI * random.NextDouble();
            double x = label == 0 ? Math.Cos(t) : 1 - Math.Cos(t);
            double y = label == 0 ? Math.Sin(t) : 0.5 - Math.Sin(t);
            inputs[2 * i] = (float)(x + noise * (2 * random.NextDouble() - 1));
            inputs[2 * i + 1] = (float)(y + noise * (2 * random.NextDouble() - 1));
            labels[i] = label;
        }

        return (inputs, labels);
    }
}
