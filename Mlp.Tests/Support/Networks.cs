using SimdMlp.Kernels;

namespace SimdMlp.Tests.Support;

/// <summary>Small networks and data for tests, from a seed.</summary>
public static class Networks
{
    /// <summary>A model whose weights and biases are all uniform in ±scale (biases too, unlike <see cref="MultiLayerPerceptron.Create"/>).</summary>
    public static MultiLayerPerceptron Random(MlpDefinition definition, int seed, double scale = 1.0)
    {
        var random = new SplitMix64(seed);
        var parameters = new float[definition.ParameterCount];
        for (int i = 0; i < parameters.Length; i++) parameters[i] = (float)((2 * random.NextDouble() - 1) * scale);
        return new MultiLayerPerceptron(definition, parameters);
    }

    public static float[] Uniform(int count, int seed, double scale = 1.0)
    {
        var random = new SplitMix64(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)((2 * random.NextDouble() - 1) * scale);
        return values;
    }

    public static int[] Labels(int count, int classes, int seed)
    {
        var random = new SplitMix64(seed);
        var labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = random.NextInt32(classes);
        return labels;
    }

    public static MlpDefinition Mnist(OutputHead head = OutputHead.SoftmaxCrossEntropy) =>
        new([784, 256, 128, 10], [ActivationKind.Relu, ActivationKind.Relu], head);
}
