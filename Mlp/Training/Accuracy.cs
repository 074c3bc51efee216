namespace SimdMlp.Training;

/// <summary>Counts correct predictions in a batch (see <see cref="Evaluation.Accuracy"/> for the rules).</summary>
internal static class Accuracy
{
    /// <summary>The summed per-sample scores (each 0..1) for class labels.</summary>
    public static double Correct(OutputHead head, ReadOnlySpan<float> predictions, ReadOnlySpan<int> labels, int outputs)
    {
        if (head == OutputHead.LinearSquaredError) return double.NaN;
        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            ReadOnlySpan<float> row = predictions.Slice(i * outputs, outputs);
            int predicted = outputs == 1 ? (row[0] >= 0.5f ? 1 : 0) : ArgMax(row);
            if (predicted == labels[i]) correct++;
        }

        return correct;
    }

    /// <summary>The summed per-sample scores (each 0..1) for target rows.</summary>
    public static double Correct(OutputHead head, ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, int batch,
        int outputs)
    {
        if (head == OutputHead.LinearSquaredError) return double.NaN;
        double correct = 0;
        for (int i = 0; i < batch; i++)
        {
            ReadOnlySpan<float> row = predictions.Slice(i * outputs, outputs);
            ReadOnlySpan<float> target = targets.Slice(i * outputs, outputs);
            if (head == OutputHead.SoftmaxCrossEntropy)
            {
                if (ArgMax(row) == ArgMax(target)) correct++;
                continue;
            }

            int right = 0;
            for (int j = 0; j < outputs; j++)
            {
                if (row[j] >= 0.5f == target[j] >= 0.5f) right++;
            }

            correct += (double)right / outputs;
        }

        return correct;
    }

    /// <summary>The index of the largest value (the first on ties; NaN never wins).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int j = 1; j < values.Length; j++)
        {
            if (values[j] > values[best]) best = j;
        }

        return best;
    }
}
