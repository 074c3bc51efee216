using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SimdMlp.Kernels;
using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Training;

/// <summary>
/// At two threads a layer's dW and dA products run side by side, each whole on one thread; at one thread (and at
/// three or more) each is split on its own. Every gradient must come out bit-identical either way.
/// </summary>
public sealed class BackwardProductsTests
{
    public static TheoryData<int> Batches => new() { 1, 3, 17, 64, 130 };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Gradients_and_input_gradient_are_bit_identical_at_one_two_and_three_threads(int batch)
    {
        // Layers wide enough for the products to split, odd sizes for the tails, GELU for a saved Z.
        var definition = new MlpDefinition([75, 131, 64, 9], [ActivationKind.Gelu, ActivationKind.Relu],
            OutputHead.SoftmaxCrossEntropy);
        MultiLayerPerceptron model = Networks.Random(definition, 11);
        float[] x = Networks.Uniform(batch * 75, 12);
        int[] labels = Networks.Labels(batch, 9, 13);

        (float[] Gradients, float[] InputGradient, float Loss) Run(int threads)
        {
            var engine = new Backpropagation(model.Plan, 130);
            engine.Forward(model.Parameters, x, batch, threads);
            float loss = engine.Loss(batch, labels);
            engine.Backward(model.Parameters, x, batch, inputGradient: true, threads);
            return (engine.Gradients.ToArray(), engine.InputGradient.ToArray(), loss);
        }

        var one = Run(1);
        Assert.True(BackwardProducts.Pays(2) == (WorkerPool.MaxParts >= 2), "Two threads should take the side-by-side path.");
        Assert.False(BackwardProducts.Pays(1));
        Assert.Equal(batch * 75, one.InputGradient.Length);
        Assert.True(one.Gradients.AsSpan().IndexOfAnyExcept(0f) >= 0, "The gradients are all zero: nothing was checked.");
        foreach (int threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            Assert.Equal(one.Loss, other.Loss);
            Assert.True(one.Gradients.AsSpan().SequenceEqual(other.Gradients), $"dθ differs at {threads} threads.");
            Assert.True(one.InputGradient.AsSpan().SequenceEqual(other.InputGradient), $"dX differs at {threads} threads.");
        }
    }

    [Fact]
    public void Every_activation_view_starts_on_a_cache_line()
    {
        var definition = new MlpDefinition([13, 7, 5, 3], [ActivationKind.Gelu, ActivationKind.Relu],
            OutputHead.SoftmaxCrossEntropy);
        MultiLayerPerceptron model = MultiLayerPerceptron.Create(definition, 1);
        foreach (int maxBatch in new[] { 1, 3, 5 })
        {
            var slab = new ActivationSlab(model.Plan, maxBatch);
            for (int l = 0; l < 3; l++) Assert.Equal(0, Address(slab.LayerOutput(l, maxBatch)) % 64);
            Assert.Equal(0, Address(slab.PreActivation(0, maxBatch)) % 64);
            Assert.True(slab.PreActivation(1, maxBatch).IsEmpty, "ReLU saves its output, not Z.");
            Assert.Equal(0, Address(slab.Probabilities(maxBatch)) % 64);
            Assert.Equal(0, Address(slab.Targets(maxBatch)) % 64);
            Assert.Equal(0, Address(slab.Gradient(0, 1)) % 64);
            Assert.Equal(0, Address(slab.Gradient(1, 1)) % 64);
            Assert.Equal(0, Address(slab.GradientMemory(1, 1).Span) % 64);
        }
    }

    private static unsafe long Address(ReadOnlySpan<float> span) =>
        (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
