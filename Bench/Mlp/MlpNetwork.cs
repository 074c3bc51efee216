using SimdMlp.Kernels;

namespace SimdMlp.Bench.Mlp;

/// <summary>The network every measurement uses: 784-256-128-10, ReLU hidden layers, softmax cross-entropy head.</summary>
public static class MlpNetwork
{
    public const int Inputs = 784;
    public const int Classes = 10;

    public static MlpDefinition Definition { get; } =
        new([Inputs, 256, 128, Classes], [ActivationKind.Relu, ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy);

    /// <summary>Seeded uniform [0, 1) values, like scaled pixels.</summary>
    public static float[] RandomInputs(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < values.Length; i++) values[i] = random.NextSingle();
        return values;
    }

    /// <summary>Seeded uniform class labels.</summary>
    public static int[] RandomLabels(int count, int seed)
    {
        var random = new Random(seed);
        var labels = new int[count];
        for (int i = 0; i < labels.Length; i++) labels[i] = random.Next(Classes);
        return labels;
    }
}
