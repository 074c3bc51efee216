using SimdMlp.IO;

namespace SimdMlp.Cli.Data;

/// <summary>Loads <c>--model</c>, with a plain sentence for the common mistake of a wrong path.</summary>
internal static class ModelLoader
{
    public static MultiLayerPerceptron Load(string path)
    {
        if (Directory.Exists(path)) throw new InputException($"The model file {path} is a folder.");
        if (!File.Exists(path)) throw new InputException($"The model file {path} does not exist.");

        // A damaged or foreign file is an InvalidDataException naming the file, the offset and the problem.
        MultiLayerPerceptron model = ModelFile.Load(path);
        if (model.Definition.Head != OutputHead.SoftmaxCrossEntropy)
        {
            throw new InputException($"The model {path} is not a softmax classifier ({model.Definition}); simdmlp evaluates and predicts classes only.");
        }

        return model;
    }
}
