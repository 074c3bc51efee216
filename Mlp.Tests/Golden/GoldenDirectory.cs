namespace SimdMlp.Tests.Golden;

/// <summary>
/// Finds the golden cases: the folder named by SIMDMLP_GOLDEN_DIR, or ../shared/golden relative to the repository root
/// (the folder holding SimdMlp.sln, found by walking up from the test binary, then from the working directory, then
/// from this source file: with SIMDMLP_ARTIFACTS the binary lives outside the repository).
/// </summary>
public static class GoldenDirectory
{
    public static string Path
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("SIMDMLP_GOLDEN_DIR");
            if (!string.IsNullOrEmpty(configured)) return System.IO.Path.GetFullPath(configured);
            foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory() })
            {
                for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(System.IO.Path.Combine(dir.FullName, "SimdMlp.sln")))
                        return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "golden"));
                }
            }

            throw new DirectoryNotFoundException(
                $"No SimdMlp.sln above {AppContext.BaseDirectory}: set SIMDMLP_GOLDEN_DIR to the golden cases folder.");
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        System.IO.Path.GetDirectoryName(file) ?? "/";

    /// <summary>Every *.json file in the folder, sorted; empty when the folder is missing.</summary>
    public static string[] CaseFiles()
    {
        string path = Path;
        if (!Directory.Exists(path)) return [];
        string[] files = Directory.GetFiles(path, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
