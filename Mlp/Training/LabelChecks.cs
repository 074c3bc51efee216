namespace SimdMlp.Training;

/// <summary>Validation of class labels against a network's head, once at the public boundary.</summary>
internal static class LabelChecks
{
    /// <summary>
    /// Labels need a classification head; each must be a class index in [0, outputs), or 0/1 for a single sigmoid output.
    /// </summary>
    public static void Validate(ReadOnlySpan<int> labels, MlpDefinition definition, string name)
    {
        if (definition.Head == OutputHead.LinearSquaredError)
        {
            throw new ArgumentException(
                $"{name} has class labels, but the network's head is {definition.Head}: give target rows instead.", name);
        }

        int classes = definition.OutputSize == 1 && definition.Head == OutputHead.SigmoidBinaryCrossEntropy
            ? 2
            : definition.OutputSize;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(name,
                    $"{name}: label {i} is {labels[i]}, but the network has {classes} classes: labels must be in [0, {classes}).");
            }
        }
    }
}
