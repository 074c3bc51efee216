using FsCheck.Fluent;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// The case generator really reaches the edges the properties rely on (a generator that silently stopped at 100,
/// or never produced MR+1, would make every property pass vacuously).
/// </summary>
public sealed class GemmGeneratorTests
{
    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Generator_covers_block_edges_transposes_scalars_and_large_sizes(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path); // its property is skipped too
        var cases = GemmCase.Generator(GemmEntry.Driver, path).Sample(1000);
        var blocking = MicroKernels.Blocking(path);

        Assert.All(cases, c => Assert.InRange((long)c.M * c.N * c.K, 0, GemmCase.MaxMacs));
        foreach (int v in new[] { 0, 1, blocking.MR - 1, blocking.MR + 1, blocking.MC - 1, blocking.MC + 1 })
            Assert.Contains(cases, c => c.M == v);
        foreach (int v in new[] { 0, 1, blocking.NR - 1, blocking.NR + 1 })
            Assert.Contains(cases, c => c.N == v);
        foreach (int v in new[] { 0, 1, blocking.KC - 1, blocking.KC + 1 })
            Assert.Contains(cases, c => c.K == v);
        Assert.Contains(cases, c => c.M > 200);
        Assert.Contains(cases, c => c.N > 300);
        Assert.Contains(cases, c => c.K > blocking.KC + 1);
        Assert.Contains(cases, c => c.K > blocking.KC && c.M > blocking.MR && c.N > blocking.NR);
        Assert.Contains(cases, c => EdgeGen.Primes.Contains(c.M) && c.M > 100);

        foreach (var ta in new[] { Transpose.No, Transpose.Yes })
        {
            foreach (var tb in new[] { Transpose.No, Transpose.Yes })
                Assert.Contains(cases, c => c.TransA == ta && c.TransB == tb);
        }

        foreach (float s in new[] { 0f, 1f })
        {
            Assert.Contains(cases, c => c.Alpha == s);
            Assert.Contains(cases, c => c.Beta == s);
        }

        Assert.Contains(cases, c => c.Alpha is not (0f or 1f) && c.Beta is not (0f or 1f));
        Assert.Contains(cases, c => c.PadA > 0 && c.PadB > 0 && c.PadC > 0);
        Assert.Contains(cases, c => c.TailC > 0);
        Assert.Contains(cases, c => c.Dop > 1 && (long)c.M * c.N * c.K > 64 * 64 * 64);
        Assert.True(cases.Select(c => c.Seed).Distinct().Count() > cases.Length / 2, "seeds should vary");
    }
}
