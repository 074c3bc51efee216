using FsCheck;
using FsCheck.Fluent;

namespace SimdMlp.Kernels.Tests.Support;

/// <summary>
/// FsCheck generators weighted towards the values where blocked and vectorised kernels break: 0, 1, the edges of
/// register tiles and cache blocks (each ±1), primes, and sizes well above FsCheck's default integer range.
/// </summary>
/// <remarks>
/// FsCheck's default <see cref="int"/> generator grows with the test size and stays around ±100, so it never
/// reaches a K block of 256. These generators use <see cref="Gen.Choose"/>, <c>Gen.Elements</c>
/// and <c>Gen.Frequency</c> with explicit ranges instead, and ignore the size parameter.
/// </remarks>
public static class EdgeGen
{
    /// <summary>Primes up to 521: sizes that are multiples of no vector width or block.</summary>
    public static readonly int[] Primes =
    [
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103,
        107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223,
        227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347,
        349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463,
        467, 479, 487, 491, 499, 503, 509, 521,
    ];

    /// <summary>Each point and its neighbours (p−1, p, p+1), plus 0 and 1, within [0, max], sorted and distinct.</summary>
    public static int[] Around(IEnumerable<int> points, int max) =>
        points.SelectMany(p => new[] { p - 1, p, p + 1 }).Concat([0, 1])
            .Where(v => v >= 0 && v <= max).Distinct().Order().ToArray();

    /// <summary>
    /// A matrix dimension in [0, max]: tiny values (0..16), the neighbourhoods of <paramref name="edges"/>
    /// (see <see cref="Around"/>), primes, and uniform and large values across the whole range.
    /// </summary>
    /// <param name="max">Largest value generated.</param>
    /// <param name="edges">Block and tile sizes of the code under test (each tested at −1, 0, +1).</param>
    public static Gen<int> Dimension(int max, IEnumerable<int> edges)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var nearEdges = Around(edges, max);
        var primes = Primes.Where(p => p <= max).DefaultIfEmpty(1).ToArray();
        return Gen.Frequency(
            (3, Gen.Choose(0, Math.Min(16, max))),
            (5, Gen.Elements(nearEdges)),
            (2, Gen.Elements(primes)),
            (2, Gen.Choose(0, max)),
            (1, Gen.Choose(max / 2, max)));
    }

    /// <summary>Row-stride padding (ld − row length): mostly 0, else small or up to <paramref name="max"/>.</summary>
    public static Gen<int> Padding(int max = 40) =>
        Gen.Frequency(
            (3, Gen.Constant(0)),
            (2, Gen.Choose(1, 3)),
            (1, Gen.Choose(4, Math.Max(4, max))));

    /// <summary>A BLAS-style scalar (alpha, beta): 0, 1 and −1 each often, else a fixed or random "other" value.</summary>
    public static Gen<float> Scalar() =>
        Gen.Frequency(
            (2, Gen.Constant(0f)),
            (3, Gen.Constant(1f)),
            (1, Gen.Constant(-1f)),
            (2, Gen.Elements(0.5f, -0.75f, 2f, 1.5f, -3.25f, 1e-3f, 100f)),
            (2, Gen.Choose(-4000, 4000).Select(x => x / 1000f)));

    /// <summary>A seed for <see cref="System.Random"/>, so a case carries its bulk data compactly and replays exactly.</summary>
    public static Gen<int> Seed() => Gen.Choose(0, int.MaxValue);

    /// <summary>Shrink candidates for a size: 1, half, one less (never 0, which usually passes trivially).</summary>
    public static IEnumerable<int> ShrinkDimension(int value)
    {
        if (value > 2) yield return 1;
        if (value > 3) yield return value / 2;
        if (value > 1) yield return value - 1;
    }
}
