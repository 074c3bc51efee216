using System.Reflection;
using System.Runtime;
using SimdMlp.Kernels;

namespace SimdMlp.Cli.Commands;

/// <summary><c>simdmlp --version</c>: the version, and the SIMD path the kernels run on in this process.</summary>
internal static class VersionCommand
{
    public static void Run(CommandContext context)
    {
        context.Out.WriteLine($"simdmlp {Version}");
        context.Out.WriteLine($"SIMD path: {SimdCapabilities.ActivePath}");

        // Under Native AOT nothing is ever JIT-compiled. (RuntimeFeature.IsDynamicCodeSupported cannot tell: PublishAot
        // turns it off in JIT builds too, so that they behave like the AOT one.)
        string build = JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "Native AOT";
        context.Out.WriteLine($"Runtime: {SimdCapabilities.Describe()}, {build}");
    }

    internal static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString() ?? "unknown";
}
