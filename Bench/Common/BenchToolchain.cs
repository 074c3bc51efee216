using System.Reflection;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.CsProj;
using BenchmarkDotNet.Toolchains.DotNetCli;

namespace SimdMlp.Bench.Common;

/// <summary>
/// BenchmarkDotNet's default out-of-process toolchain, except for how it finds this project. BenchmarkDotNet
/// looks for "{assembly name}.csproj", but the assembly is SimdMlp.Bench and the project Bench/Bench.csproj
/// (and with SIMDMLP_ARTIFACTS the binaries are not even under the repo), so it would fail to generate the
/// benchmark host. The project path is stamped into the assembly at build time instead (see Bench.csproj).
/// </summary>
public static class BenchToolchain
{
    private const string Tfm = "net10.0";

    public static IToolchain Instance { get; } =
        new Toolchain("CsProj " + Tfm, new Generator(), new DotNetCliBuilder(Tfm), new DotNetCliExecutor(null!));

    // Null CLI path, packages path and runtime version mean "the defaults", as in CsProjCoreToolchain.From;
    // the constructors are just not annotated for it.
    private sealed class Generator() : CsProjGenerator(Tfm, null!, null!, null!, isNetCore: true)
    {
        protected override FileInfo GetProjectFilePath(Type benchmarkTarget, ILogger logger)
        {
            string? path = benchmarkTarget.Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "BenchProjectPath")?.Value;
            return path is not null && File.Exists(path) ? new FileInfo(path) : base.GetProjectFilePath(benchmarkTarget, logger);
        }
    }
}
