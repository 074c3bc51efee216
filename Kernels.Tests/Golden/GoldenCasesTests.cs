using Xunit;

namespace SimdMlp.Kernels.Tests.Golden;

/// <summary>The golden reader and the reference forward pass, checked against the files themselves.</summary>
public sealed class GoldenCasesTests
{
    [Fact]
    public void Default_folder_holds_cases()
    {
        Assert.NotEmpty(GoldenCases.All);
        Assert.All(GoldenCases.All, c => Assert.Equal(Path.GetFileNameWithoutExtension(c.Path), c.Name));
    }

    [Fact]
    public void An_empty_folder_fails_loudly()
    {
        var empty = Directory.CreateTempSubdirectory("simdmlp-golden-");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => GoldenCases.Load(empty.FullName));
            Assert.Contains(empty.FullName, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void A_missing_folder_fails_loudly() =>
        Assert.Throws<DirectoryNotFoundException>(() =>
            GoldenCases.Load(Path.Combine(Path.GetTempPath(), "simdmlp-no-such-golden-folder")));

    [Fact]
    public void An_unknown_field_fails_loudly()
    {
        var dir = Directory.CreateTempSubdirectory("simdmlp-golden-");
        try
        {
            var source = File.ReadAllText(GoldenCases.All[0].Path);
            var path = Path.Combine(dir.FullName, "extra.json");
            File.WriteAllText(path, "{\"surprise\": 1, " + source.TrimStart()[1..]);
            var e = Assert.Throws<InvalidDataException>(() => GoldenCases.Load(dir.FullName));
            Assert.Contains("extra.json", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCases.Names), MemberType = typeof(GoldenCases))]
    public void Reference_forward_reproduces_the_expected_output(string name)
    {
        var golden = GoldenCases.Get(name);
        var (_, a) = ReferenceMlp.Forward(golden);
        var output = a[^1];
        for (int i = 0; i < output.Length; i++)
        {
            double expected = golden.Expected.Output[i];
            Assert.True(Math.Abs(output[i] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
                $"{name}: output[{i}] = {output[i]:R}, PyTorch {expected:R}");
        }
    }
}
