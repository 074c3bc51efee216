namespace SimdMlp.Cli.Output;

/// <summary>
/// Writes an output file under a temporary name in the same folder and renames it into place, so that a failed or
/// interrupted run never leaves a half-written file (the temporary file is deleted on failure).
/// </summary>
internal static class AtomicFile
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

    public static void Write(string path, Action<Stream> write)
    {
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new InputException($"{path} names no file.");

        // Same folder as the target, so that the rename stays on one file system and is atomic.
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the error that got us here is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
