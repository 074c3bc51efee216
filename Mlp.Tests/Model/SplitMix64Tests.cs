namespace SimdMlp.Tests.Model;

public sealed class SplitMix64Tests
{
    [Fact]
    public void The_sequence_is_the_reference_splitmix64()
    {
        // SplitMix64 seeded with 1234567, computed independently from Vigna's splitmix64.c constants.
        var random = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, random.NextUInt64());
        Assert.Equal(3203168211198807973UL, random.NextUInt64());
        Assert.Equal(9817491932198370423UL, random.NextUInt64());
    }

    [Fact]
    public void Bounded_integers_and_doubles_stay_in_range_and_cover_it()
    {
        var random = new SplitMix64(5);
        var seen = new bool[7];
        for (int i = 0; i < 1000; i++)
        {
            int v = random.NextInt32(7);
            Assert.InRange(v, 0, 6);
            seen[v] = true;
            Assert.InRange(random.NextDouble(), 0.0, 1.0 - 1e-17);
        }

        Assert.All(seen, Assert.True);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitMix64(1).NextInt32(0));
    }

    [Fact]
    public void Shuffle_is_a_deterministic_permutation()
    {
        int[] a = Enumerable.Range(0, 50).ToArray(), b = Enumerable.Range(0, 50).ToArray();
        var r1 = new SplitMix64(9);
        var r2 = new SplitMix64(9);
        r1.Shuffle(a);
        r2.Shuffle(b);
        Assert.Equal(a, b);
        Assert.NotEqual(Enumerable.Range(0, 50), a);
        Assert.Equal(Enumerable.Range(0, 50), a.Order());
    }
}
