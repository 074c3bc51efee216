using SimdMlp.Cli.Data;
using SimdMlp.IO;

namespace SimdMlp.Cli.Tests;

/// <summary>The test set a CSV run holds out.</summary>
public sealed class HoldOutTests
{
    [Fact]
    public void Hold_out_is_seeded_disjoint_and_complete()
    {
        int n = 101;
        float[] features = Enumerable.Range(0, n).Select(i => (float)i).ToArray();
        int[] labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        var all = new Dataset(features, 1, labels, 3);

        DatasetSplit a = HoldOut.Split(all, 0.2, seed: 1, "x.csv");
        DatasetSplit b = HoldOut.Split(all, 0.2, seed: 1, "x.csv");
        DatasetSplit c = HoldOut.Split(all, 0.2, seed: 2, "x.csv");
        Assert.Equal(20, a.Test.Count);
        Assert.Equal(81, a.Train.Count);
        Assert.Equal(a.Test.Features, b.Test.Features);
        Assert.NotEqual(a.Test.Features, c.Test.Features);
        Assert.Equal(features, a.Train.Features.Concat(a.Test.Features).Order().ToArray());
        for (int i = 0; i < a.Test.Count; i++) Assert.Equal((int)a.Test.Features[i] % 3, a.Test.Labels[i]);
    }
}
