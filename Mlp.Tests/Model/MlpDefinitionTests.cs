using SimdMlp.Kernels;

namespace SimdMlp.Tests.Model;

public sealed class MlpDefinitionTests
{
    [Fact]
    public void Layout_is_each_layers_weights_then_biases()
    {
        var d = new MlpDefinition([3, 4, 2], [ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy);
        Assert.Equal(2, d.LayerCount);
        Assert.Equal(3 * 4 + 4 + 4 * 2 + 2, d.ParameterCount);
        Assert.Equal(0, d.WeightOffset(0));
        Assert.Equal(12, d.BiasOffset(0));
        Assert.Equal(16, d.WeightOffset(1));
        Assert.Equal(24, d.BiasOffset(1));
        Assert.Equal(8, d.WeightCount(1));
        Assert.Equal(3, d.InputSize);
        Assert.Equal(2, d.OutputSize);
        Assert.Equal(4, d.MaxLayerSize);
        Assert.Equal("3-4(Relu)-2(SoftmaxCrossEntropy)", d.ToString());
        Assert.Equal(ActivationKind.Identity, d.LayerActivation(1).Kind);
        Assert.Equal(ActivationKind.Sigmoid,
            new MlpDefinition([3, 1], [], OutputHead.SigmoidBinaryCrossEntropy).LayerActivation(0).Kind);
    }

    [Fact]
    public void Views_read_the_flat_buffer_at_the_documented_offsets()
    {
        var d = new MlpDefinition([2, 3, 1], [ActivationKind.Tanh], OutputHead.LinearSquaredError);
        float[] parameters = Enumerable.Range(0, d.ParameterCount).Select(i => (float)i).ToArray();
        var model = new MultiLayerPerceptron(d, parameters);
        parameters[0] = 99; // the model keeps its own copy
        Assert.Equal([0, 1, 2, 3, 4, 5], model.Weights(0).ToArray());
        Assert.Equal([6, 7, 8], model.Biases(0).ToArray());
        Assert.Equal([9, 10, 11], model.Weights(1).ToArray());
        Assert.Equal([12], model.Biases(1).ToArray());
        Assert.Equal(13, model.Parameters.Length);
        Assert.Same(d, model.Definition);
        model.SetParameters(new float[13]);
        Assert.All(model.Parameters.ToArray(), p => Assert.Equal(0f, p));
    }

    [Fact]
    public void Lists_are_copied_and_read_only()
    {
        int[] sizes = [3, 4, 2];
        ActivationFunction[] hidden = [ActivationKind.Relu];
        var d = new MlpDefinition(sizes, hidden, OutputHead.SoftmaxCrossEntropy);
        sizes[1] = 100;
        hidden[0] = ActivationKind.Tanh;
        Assert.Equal([3, 4, 2], d.LayerSizes);
        Assert.Equal(ActivationKind.Relu, d.HiddenActivations[0].Kind);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)d.LayerSizes)[0] = 1);
    }

    [Fact]
    public void Invalid_definitions_are_rejected_with_messages_naming_the_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => new MlpDefinition([3], [], OutputHead.SoftmaxCrossEntropy));
        Assert.Equal("layerSizes", e.ParamName);
        Assert.Contains("at least 2", e.Message);
        e = Assert.Throws<ArgumentException>(() => new MlpDefinition([3, 0, 2], [ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy));
        Assert.Contains("layerSizes[1]", e.Message);
        e = Assert.Throws<ArgumentException>(() => new MlpDefinition([3, 4, 2], [], OutputHead.SoftmaxCrossEntropy));
        Assert.Equal("hiddenActivations", e.ParamName);
        Assert.Contains("1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpDefinition([3, 2], [], (OutputHead)7));
        Assert.Throws<ArgumentNullException>(() => new MlpDefinition(null!, [], OutputHead.SoftmaxCrossEntropy));
        Assert.Throws<ArgumentException>(() => new MlpDefinition([100_000, 100_000], [], OutputHead.LinearSquaredError));
        var d = new MlpDefinition([3, 2], [], OutputHead.LinearSquaredError);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.WeightOffset(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.BiasOffset(-1));
        e = Assert.Throws<ArgumentException>(() => new MultiLayerPerceptron(d, new float[7]));
        Assert.Equal("parameters", e.ParamName);
        Assert.Contains("8", e.Message);
    }
}
