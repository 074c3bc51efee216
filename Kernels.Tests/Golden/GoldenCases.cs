using System.Runtime.CompilerServices;
using System.Text.Json;
using Xunit;

namespace SimdMlp.Kernels.Tests.Golden;

/// <summary>
/// Reads every <c>*.json</c> golden case from one folder, so new cases can be dropped in without a code change.
/// </summary>
/// <remarks>
/// The folder is <c>$SIMDMLP_GOLDEN_DIR</c> if set, else <c>../shared/golden</c> next to the repository root (the
/// folder holding <c>SimdMlp.sln</c>, see <see cref="RepositoryRoot"/>). A missing or empty folder, a
/// malformed file, an unknown field or an inconsistent shape throws, naming the file: golden tests never pass
/// vacuously.
/// </remarks>
public static class GoldenCases
{
    /// <summary>The environment variable that overrides the folder.</summary>
    public const string DirectoryVariable = "SIMDMLP_GOLDEN_DIR";

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<IReadOnlyList<GoldenCase>> s_all = new(() => Load());

    /// <summary>Every case of the default folder, read once per process, in file-name order.</summary>
    public static IReadOnlyList<GoldenCase> All => s_all.Value;

    /// <summary>Theory data: the name of every case in <see cref="All"/> (look it up with <see cref="Get"/>).</summary>
    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    /// <summary>The case named <paramref name="name"/>.</summary>
    public static GoldenCase Get(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No golden case named '{name}'.");

    /// <summary>The folder cases are read from (see the remarks of <see cref="GoldenCases"/>).</summary>
    public static string DefaultDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        return Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "golden"));
    }

    /// <summary>
    /// The nearest folder holding <c>SimdMlp.sln</c> at or above the test binaries, else the current directory, else
    /// this source file (binaries built elsewhere, as with <c>SIMDMLP_ARTIFACTS</c>, are not inside the repository).
    /// </summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        string[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? ""];
        foreach (var start in starts.Where(s => s.Length != 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SimdMlp.sln"))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder at or above {string.Join(", ", starts)} holds SimdMlp.sln; set {DirectoryVariable} to the golden folder.");
    }

    /// <summary>Reads, checks and returns every case in <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder holds no case, or a case is malformed.</exception>
    public static IReadOnlyList<GoldenCase> Load(string? directory = null)
    {
        directory ??= DefaultDirectory();
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Golden folder {directory} does not exist (set {DirectoryVariable} to override).");
        }

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new InvalidDataException($"Golden folder {directory} holds no *.json case.");
        return files.Select(Read).ToArray();
    }

    /// <summary>Reads and checks one case file.</summary>
    public static GoldenCase Read(string path)
    {
        GoldenCase? golden;
        try
        {
            golden = JsonSerializer.Deserialize<GoldenCase>(File.ReadAllText(path), s_options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        if (golden is null) throw new InvalidDataException($"{path}: the file holds null.");
        golden = golden with { Path = path };
        golden.Validate();
        return golden;
    }
}
