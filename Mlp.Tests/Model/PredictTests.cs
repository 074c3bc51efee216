using SimdMlp.Kernels;
using SimdMlp.Tests.Support;
using SimdMlp.Training;

namespace SimdMlp.Tests.Model;

public sealed class PredictTests
{
    [Fact]
    public void Eight_threads_predicting_at_once_get_the_serial_results_bit_for_bit()
    {
        MultiLayerPerceptron model = Networks.Random(Networks.Mnist(), 1, 0.05);
        const int samples = 64;
        float[] x = Networks.Uniform(samples * 784, 2);
        var serial = new float[samples * 10];
        for (int i = 0; i < samples; i++) model.Predict(x.AsSpan(i * 784, 784), serial.AsSpan(i * 10, 10));

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(8);
        var threads = new Thread[8];
        for (int t = 0; t < threads.Length; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                var output = new float[10];
                var batch = new float[samples * 10];
                var workspace = new InferenceWorkspace(model.Definition, 1 + id);
                start.SignalAndWait();
                for (int round = 0; round < 20; round++)
                {
                    for (int i = 0; i < samples; i++)
                    {
                        int s = (i * 7 + id * 13 + round) % samples;
                        if ((round + id) % 2 == 0) model.Predict(x.AsSpan(s * 784, 784), output);
                        else model.Predict(x.AsSpan(s * 784, 784), output, workspace);
                        if (!output.AsSpan().SequenceEqual(serial.AsSpan(s * 10, 10))) failures.Enqueue($"thread {id} sample {s}");
                    }

                    model.Predict(x, batch, workspace);
                    for (int s = 0; s < samples; s++)
                    {
                        // Chunks of more than one row take the packed kernels, which may round differently from batch 1.
                        if (!Close(batch.AsSpan(s * 10, 10), serial.AsSpan(s * 10, 10))) failures.Enqueue($"thread {id} batch row {s}");
                    }
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads) thread.Join();
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(OutputHead.SoftmaxCrossEntropy)]
    [InlineData(OutputHead.SigmoidBinaryCrossEntropy)]
    [InlineData(OutputHead.LinearSquaredError)]
    public void Predict_matches_the_training_forward_pass_for_every_head_and_chunking(OutputHead head)
    {
        var definition = new MlpDefinition([6, 9, 7, 4], [ActivationKind.Gelu, new ActivationFunction(ActivationKind.LeakyRelu, 0.2f)], head);
        MultiLayerPerceptron model = Networks.Random(definition, 3);
        const int count = 11;
        float[] x = Networks.Uniform(count * 6, 4);
        var engine = new Backpropagation(model.Plan, count);
        engine.Forward(model.Parameters, x, count, 1);
        engine.Loss(count, new float[count * 4]);
        float[] expected = engine.Predictions(count).ToArray();

        foreach (int chunk in new[] { 1, 3, 4, 11, 64 })
        {
            var output = new float[count * 4 + 1];
            output[^1] = 123f;
            model.Predict(x, output, new InferenceWorkspace(definition, chunk));
            Assert.True(Close(output.AsSpan(0, count * 4), expected), $"chunk {chunk}");
            Assert.Equal(123f, output[^1]);
        }

        if (head == OutputHead.SoftmaxCrossEntropy)
        {
            var one = new float[4];
            model.Predict(x.AsSpan(0, 6), one);
            Assert.Equal(1f, one.Sum(), 1e-5f);
        }
    }

    [Fact]
    public void One_sample_predict_of_image_like_inputs_matches_the_training_forward_pass()
    {
        // Half the inputs zero, as in Fashion-MNIST: one-sample predict skips those weight rows (and those of inactive
        // ReLUs), so it must still agree with the dense batched forward pass.
        MultiLayerPerceptron model = Networks.Random(Networks.Mnist(), 5, 0.05);
        const int count = 16;
        float[] x = Networks.Uniform(count * 784, 6);
        var rnd = new Random(7);
        for (int i = 0; i < x.Length; i++)
        {
            if (rnd.Next(2) == 0) x[i] = 0;
        }

        var engine = new Backpropagation(model.Plan, count);
        engine.Forward(model.Parameters, x, count, 1);
        engine.Loss(count, new int[count]);
        float[] expected = engine.Predictions(count).ToArray();
        var one = new float[10];
        for (int s = 0; s < count; s++)
        {
            model.Predict(x.AsSpan(s * 784, 784), one);
            Assert.True(Close(one, expected.AsSpan(s * 10, 10)), $"sample {s}");
        }
    }

    [Fact]
    public void A_network_without_hidden_layers_predicts()
    {
        var definition = new MlpDefinition([3, 2], [], OutputHead.LinearSquaredError);
        var model = new MultiLayerPerceptron(definition, [1, 2, 3, 4, 5, 6, 10, 20]);
        var output = new float[2];
        model.Predict([1, 1, 1], output);
        Assert.Equal([1 + 3 + 5 + 10, 2 + 4 + 6 + 20], output);
        Assert.Equal(1, model.PredictClass([1, 1, 1]));
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_clear_messages()
    {
        MultiLayerPerceptron model = Networks.Random(new MlpDefinition([4, 5, 3], [ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy), 1);
        var e = Assert.Throws<ArgumentException>(() => model.Predict(new float[5], new float[3]));
        Assert.Equal("inputs", e.ParamName);
        Assert.Contains("5", e.Message);
        e = Assert.Throws<ArgumentException>(() => model.Predict(new float[8], new float[5]));
        Assert.Equal("outputs", e.ParamName);
        Assert.Throws<ArgumentException>(() => model.Predict([], new float[3]));
        var narrow = new InferenceWorkspace(new MlpDefinition([4, 2, 3], [ActivationKind.Relu], OutputHead.SoftmaxCrossEntropy));
        e = Assert.Throws<ArgumentException>(() => model.Predict(new float[4], new float[3], narrow));
        Assert.Equal("workspace", e.ParamName);
        Assert.Throws<ArgumentException>(() => model.PredictClass(new float[3]));
    }

    private static bool Close(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(actual[i] - expected[i]) <= 1e-5f * (1 + Math.Abs(expected[i])))) return false;
        }

        return true;
    }
}
