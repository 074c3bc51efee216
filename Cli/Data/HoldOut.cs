using SimdMlp.IO;

namespace SimdMlp.Cli.Data;

/// <summary>Splits one CSV's samples into training and test sets by a seeded shuffle, so a run can be repeated.</summary>
internal static class HoldOut
{
    public static DatasetSplit Split(Dataset all, double testFraction, int seed, string source)
    {
        if (all.Count < 2)
        {
            throw new InputException($"{source} has {all.Count} data row; holding out a test set needs at least 2 (or give --test).");
        }

        int testCount = Math.Clamp((int)Math.Round(all.Count * testFraction), 1, all.Count - 1);
        int[] order = new int[all.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;

        // Its own generator (not the training one), so the split does not change the shuffles of training.
        var random = new SplitMix64(seed ^ 0x5EED_7E57);
        random.Shuffle(order);
        int[] test = order[..testCount];
        int[] train = order[testCount..];

        // Sorted, so both sets keep the file's order (which the training shuffle then ignores anyway).
        Array.Sort(test);
        Array.Sort(train);
        return new DatasetSplit(Take(all, train), Take(all, test));
    }

    private static Dataset Take(Dataset all, int[] rows)
    {
        int width = all.FeatureCount;
        float[] features = new float[rows.Length * width];
        int[] labels = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            all.Row(rows[i]).CopyTo(features.AsSpan(i * width, width));
            labels[i] = all.Labels[rows[i]];
        }

        return new Dataset(features, width, labels, all.ClassCount);
    }
}
