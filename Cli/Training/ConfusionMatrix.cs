namespace SimdMlp.Cli.Training;

/// <summary>Counts of (true class, predicted class) pairs, and the accuracy, precision and recall they give.</summary>
internal sealed class ConfusionMatrix(int classes)
{
    private readonly long[] _counts = new long[classes * classes];

    public int Classes { get; } = classes;

    public long Total { get; private set; }

    public long this[int actual, int predicted] => _counts[actual * Classes + predicted];

    public void Add(int actual, int predicted)
    {
        _counts[actual * Classes + predicted]++;
        Total++;
    }

    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (int c = 0; c < Classes; c++) correct += this[c, c];
            return Total == 0 ? double.NaN : (double)correct / Total;
        }
    }

    /// <summary>Of the samples predicted as <paramref name="c"/>, the share that are; NaN if none were.</summary>
    public double Precision(int c)
    {
        long predicted = 0;
        for (int a = 0; a < Classes; a++) predicted += this[a, c];
        return predicted == 0 ? double.NaN : (double)this[c, c] / predicted;
    }

    /// <summary>Of the samples of class <paramref name="c"/>, the share predicted as such; NaN if there are none.</summary>
    public double Recall(int c) => Support(c) == 0 ? double.NaN : (double)this[c, c] / Support(c);

    public long Support(int c)
    {
        long count = 0;
        for (int p = 0; p < Classes; p++) count += this[c, p];
        return count;
    }
}
