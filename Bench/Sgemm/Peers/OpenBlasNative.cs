using System.Runtime.InteropServices;

namespace SimdMlp.Bench.Sgemm.Peers;

/// <summary>
/// The few OpenBLAS entry points the benchmark needs. P/Invoke lives here in Bench only, never in the library.
/// Symbols bind lazily on first call, so nothing is called unless <see cref="IsLoadable"/> said yes.
/// </summary>
internal static unsafe partial class OpenBlasNative
{
    /// <summary>The soname Debian's libopenblas0-pthread / -openmp register through update-alternatives.</summary>
    public const string Library = "libopenblas.so.0";

    public const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private static readonly Lazy<string?> s_loadError = new(TryLoad);

    public static bool IsLoadable => s_loadError.Value is null;

    /// <summary>Why the library could not be loaded, or null.</summary>
    public static string? Error => s_loadError.Value;

    [LibraryImport(Library, EntryPoint = "cblas_sgemm")]
    public static partial void Sgemm(int order, int transA, int transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library, EntryPoint = "openblas_set_num_threads")]
    public static partial void SetNumThreads(int threads);

    [LibraryImport(Library, EntryPoint = "openblas_get_config")]
    public static partial nint GetConfig();

    [LibraryImport(Library, EntryPoint = "openblas_get_corename")]
    public static partial nint GetCoreName();

    private static string? TryLoad()
    {
        try
        {
            return NativeLibrary.TryLoad(Library, out _) ? null : $"{Library} not found (apt-get install libopenblas0-pthread)";
        }
        catch (BadImageFormatException e)
        {
            return e.Message;
        }
    }
}
