using SimdMlp.IO;

namespace SimdMlp.Cli.Output;

/// <summary>
/// The command line's outputs: checked before any work, so a bad path fails in a second rather than after training,
/// and written all or nothing (<see cref="AtomicFile"/>), so a failed run never leaves a half-written file.
/// </summary>
internal static class OutputFile
{
    /// <summary>Fails early, before any work, if <paramref name="path"/> could not be written as an output.</summary>
    public static void CheckWritable(string path, string option)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InputException($"Option {option} names {path}, which is a folder, not a file.");
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new InputException($"Option {option} names {path}, but its folder {folder} does not exist.");
        }
    }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, all or nothing.</summary>
    public static void Write(string path, Action<Stream> write) => AtomicFile.Write(path, write);
}
