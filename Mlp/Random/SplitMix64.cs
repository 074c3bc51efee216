namespace SimdMlp;

/// <summary>
/// A small deterministic pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014): the same seed gives the same
/// sequence on every machine and runtime, unlike <see cref="System.Random"/> whose algorithm may change.
/// </summary>
/// <remarks>A mutable struct: pass it by <c>ref</c>. Not thread-safe. Used for initialisation and shuffling.</remarks>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>A generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="seed">Any value; equal seeds give equal sequences.</param>
    public SplitMix64(long seed) => _state = (ulong)seed;

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias (Lemire's method).</summary>
    /// <param name="exclusiveMax">The bound, ≥ 1.</param>
    public int NextInt32(int exclusiveMax)
    {
        if (exclusiveMax <= 0) throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "exclusiveMax must be ≥ 1.");
        ulong bound = (ulong)exclusiveMax;
        while (true)
        {
            ulong product = (NextUInt64() >> 32) * bound; // 32 × 31 bits: cannot overflow.
            uint low = (uint)product;
            // Rejects the few low values that would make some results more likely than others.
            if (low >= bound || low >= (uint)((0x1_0000_0000UL - bound) % bound)) return (int)(product >> 32);
        }
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates), deterministically for a given state.</summary>
    /// <param name="values">The values to permute.</param>
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt32(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
