using SimdMlp.Training;

namespace SimdMlp.Tests.Training;

public sealed class RowGatherTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_split_copies_exactly_the_named_rows(int maxDegreeOfParallelism)
    {
        const int features = 97, setRows = 1000, batch = 300; // 29 100 floats: above the parallel threshold
        var rnd = new Random(maxDegreeOfParallelism);
        var source = new float[setRows * features];
        for (int i = 0; i < source.Length; i++) source[i] = (float)rnd.NextDouble();
        var rows = new int[batch];
        for (int i = 0; i < batch; i++) rows[i] = rnd.Next(setRows); // repeats allowed, as any index list

        var destination = new float[batch * features + 5];
        destination.AsSpan(batch * features).Fill(-7f);
        new RowGather().Run(source, features, rows, destination.AsSpan(0, batch * features), maxDegreeOfParallelism);

        for (int i = 0; i < batch; i++)
        {
            Assert.True(destination.AsSpan(i * features, features).SequenceEqual(source.AsSpan(rows[i] * features, features)),
                $"row {i} (source row {rows[i]}), {maxDegreeOfParallelism} threads");
        }

        Assert.All(destination[(batch * features)..], v => Assert.Equal(-7f, v));
    }
}
