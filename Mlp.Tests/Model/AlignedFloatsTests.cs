using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SimdMlp.Kernels;
using SimdMlp.Training;

namespace SimdMlp.Tests.Model;

/// <summary>The buffers the optimizer streams start on a cache line, whatever the size asked for.</summary>
public sealed class AlignedFloatsTests
{
    [Fact]
    public void Every_length_starts_on_a_64_byte_boundary_zeroed_and_exactly_as_long()
    {
        var kept = new List<AlignedFloats>(); // alive together, so each lands somewhere new on the heap
        for (int length = 0; length <= 300; length++)
        {
            var buffer = new AlignedFloats(length);
            kept.Add(buffer);
            Assert.Equal(length, buffer.Span.Length);
            Assert.Equal(0, Address(buffer.Span) % 64);
            Assert.True(buffer.Span.IndexOfAnyExcept(0f) < 0, $"length {length} is not zeroed");
        }

        GC.Collect(); // pinned: a collection must not move them off the boundary
        Assert.All(kept, b => Assert.Equal(0, Address(b.Span) % 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedFloats(-1));
    }

    [Fact]
    public void Parameters_gradients_and_optimizer_state_are_aligned()
    {
        var definition = new MlpDefinition([13, 7, 3], [ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy);
        MultiLayerPerceptron model = MultiLayerPerceptron.Create(definition, 1);
        var trainer = new Trainer(model, new TrainerOptions { Optimizer = OptimizerSettings.Adam() });
        Assert.Equal(0, Address(model.Parameters) % 64);
        Assert.Equal(0, Address(trainer.Gradients) % 64);
        Assert.Equal(definition.ParameterCount, model.Parameters.Length);
        Assert.Equal(definition.ParameterCount, trainer.Gradients.Length);
    }

    private static unsafe long Address(ReadOnlySpan<float> span) =>
        (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
