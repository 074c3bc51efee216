using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.IO;
using SimdMlp.Kernels;

namespace SimdMlp.Tests.IO;

public sealed class ModelFileRoundTripTests
{
    [Fact]
    public void File_round_trip_keeps_architecture_and_exact_parameters()
    {
        using var folder = new TempFolder();
        MultiLayerPerceptron model = TestModels.Small();
        string path = folder.File("model.smlp");

        ModelFile.Save(model, path);

        TestModels.AssertIdentical(model, ModelFile.Load(path));
        Assert.Equal(["model.smlp"], folder.FileNames());
    }

    [Fact]
    public void Save_replaces_an_existing_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("model.smlp");
        File.WriteAllText(path, "an older, longer file that must disappear entirely, not just be overwritten in part");
        MultiLayerPerceptron model = TestModels.Small();

        ModelFile.Save(model, path);

        TestModels.AssertIdentical(model, ModelFile.Load(path));
        Assert.Equal(["model.smlp"], folder.FileNames());
    }

    [Fact]
    public void Special_float_values_round_trip_bit_for_bit()
    {
        var definition = new MlpDefinition([2, 3], [], OutputHead.LinearSquaredError);
        float[] special =
        [
            float.NaN, BitConverter.Int32BitsToSingle(0x7FC12345), BitConverter.Int32BitsToSingle(unchecked((int)0xFF800001)),
            -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.NegativeInfinity, float.PositiveInfinity,
        ];
        var model = new MultiLayerPerceptron(definition, special);

        TestModels.AssertIdentical(model, ModelFile.Load(new MemoryStream(TestModels.Bytes(model))));
    }

    [Fact]
    public void Stream_load_stops_right_after_the_model()
    {
        MultiLayerPerceptron first = TestModels.Small();
        MultiLayerPerceptron second = TestModels.WithDistinctParameters(
            new MlpDefinition([1, 1], [], OutputHead.SoftmaxCrossEntropy));
        using var stream = new MemoryStream();
        ModelFile.Save(first, stream);
        ModelFile.Save(second, stream);
        stream.WriteByte(42);
        stream.Position = 0;

        TestModels.AssertIdentical(first, ModelFile.Load(stream));
        TestModels.AssertIdentical(second, ModelFile.Load(stream));
        Assert.Equal(42, stream.ReadByte());
    }

    [Fact]
    public void Non_seekable_stream_loads()
    {
        MultiLayerPerceptron model = TestModels.Small();
        TestModels.AssertIdentical(model, ModelFile.Load(new NonSeekableStream(TestModels.Bytes(model))));
    }

    [Fact]
    public void Bytes_follow_the_documented_layout()
    {
        byte[] bytes = TestModels.Bytes(TestModels.Small());

        Assert.Equal(152, bytes.Length); // H = 12·3 + 8 = 44, then 26 parameters, then the CRC
        Assert.Equal("SMLP"u8.ToArray(), bytes[..4]);
        uint[] words = [.. Enumerable.Range(0, 11).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i)))];
        Assert.Equal(1u, words[1]); // version
        Assert.Equal((uint)OutputHead.SigmoidBinaryCrossEntropy, words[2]);
        Assert.Equal([3u, 3u, 4u, 2u], words[3..7]); // N, then the sizes
        Assert.Equal((uint)ActivationKind.LeakyRelu, words[7]);
        Assert.Equal(0.2f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(32)));
        Assert.Equal(26u, words[9]);
        Assert.Equal(Crc32.Compute(bytes.AsSpan(0, 40)), words[10]);
        Assert.Equal(-5f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(44)));
        Assert.Equal(Crc32.Compute(bytes.AsSpan(0, 148)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(148)));
    }

    [Property(MaxTest = 100)]
    public Property Random_architectures_round_trip() =>
        Prop.ForAll(Arb.From(Architectures()), ((int[] Sizes, ActivationFunction[] Hidden, OutputHead Head, int Seed) c) =>
        {
            var definition = new MlpDefinition(c.Sizes, c.Hidden, c.Head);
            var parameters = new float[definition.ParameterCount];
            var random = new Random(c.Seed);
            for (int i = 0; i < parameters.Length; i++) parameters[i] = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next() << 1));
            var model = new MultiLayerPerceptron(definition, parameters);

            TestModels.AssertIdentical(model, ModelFile.Load(new MemoryStream(TestModels.Bytes(model))));
        });

    private static Gen<(int[] Sizes, ActivationFunction[] Hidden, OutputHead Head, int Seed)> Architectures()
    {
        Gen<ActivationFunction> activation =
            from kind in Gen.Elements(Enum.GetValues<ActivationKind>())
            from slope in Gen.Elements(0f, 0.01f, 0.2f, 1f, 3.5f)
            select new ActivationFunction(kind, slope);
        return from count in Gen.Choose(2, 6)
               from sizes in Gen.Choose(1, 40).ArrayOf(count)
               from hidden in activation.ArrayOf(count - 2)
               from head in Gen.Elements(Enum.GetValues<OutputHead>())
               from seed in Gen.Choose(0, int.MaxValue)
               select (sizes, hidden, head, seed);
    }
}
