using SimdMlp.Kernels;

namespace SimdMlp.Tests.IO;

/// <summary>Small models whose every parameter is distinct, so a swapped or shifted value cannot go unnoticed.</summary>
internal static class TestModels
{
    /// <summary>3-4(leaky ReLU 0.2)-2(sigmoid BCE): 26 parameters, a 152-byte file.</summary>
    public static MultiLayerPerceptron Small()
    {
        var definition = new MlpDefinition([3, 4, 2], [new ActivationFunction(ActivationKind.LeakyRelu, 0.2f)],
            OutputHead.SigmoidBinaryCrossEntropy);
        return WithDistinctParameters(definition);
    }

    /// <summary>A model of <paramref name="definition"/> with parameters i · 0.37 − 5 (all distinct, some negative).</summary>
    public static MultiLayerPerceptron WithDistinctParameters(MlpDefinition definition)
    {
        var parameters = new float[definition.ParameterCount];
        for (int i = 0; i < parameters.Length; i++) parameters[i] = (i * 0.37f) - 5f;
        return new MultiLayerPerceptron(definition, parameters);
    }

    /// <summary>The model's file image, as <c>ModelFile.Save(model, stream)</c> writes it.</summary>
    public static byte[] Bytes(MultiLayerPerceptron model)
    {
        using var stream = new MemoryStream();
        SimdMlp.IO.ModelFile.Save(model, stream);
        return stream.ToArray();
    }

    /// <summary>Asserts that two models have the same architecture and bit-identical parameters.</summary>
    public static void AssertIdentical(MultiLayerPerceptron expected, MultiLayerPerceptron actual)
    {
        Assert.Equal(expected.Definition.LayerSizes, actual.Definition.LayerSizes);
        Assert.Equal(expected.Definition.HiddenActivations, actual.Definition.HiddenActivations);
        Assert.Equal(expected.Definition.Head, actual.Definition.Head);
        Assert.Equal(Bits(expected.Parameters), Bits(actual.Parameters));
    }

    /// <summary>The raw bits of each float, so NaN payloads and −0 compare exactly.</summary>
    public static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < bits.Length; i++) bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }
}
