namespace SimdMlp.IO;

/// <summary>
/// Saves and loads a <see cref="MultiLayerPerceptron"/> in a versioned, checksummed, portable binary format: magic
/// "SMLP", format version, architecture (layer sizes, hidden activations with leaky slopes, output head), parameter
/// count, the parameters as little-endian float32, and CRC-32 checksums of the header and of the whole file.
/// </summary>
/// <remarks>
/// <para>Loading checks everything and rejects a damaged or foreign file with an <see cref="InvalidDataException"/>
/// that names the source, the byte offset and what is wrong; sizes are validated before anything is allocated.
/// Parameters round-trip bit for bit (NaN payloads included).</para>
/// <para>Saving to a path never leaves a half-written model: the file is written beside the target under a temporary
/// name, flushed to disk, then renamed over the target.</para>
/// </remarks>
public static class ModelFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = (int)ModelFormat.Version;

    /// <summary>Saves a model to a file, atomically replacing any file there.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file; its folder must exist.</param>
    /// <exception cref="IOException">The file cannot be written; any existing file is left as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    public static void Save(MultiLayerPerceptron model, string path) => Save(model, path, wrap: null);

    /// <summary>Writes a model to a stream, starting at its position.</summary>
    /// <param name="model">The model.</param>
    /// <param name="stream">A writable stream; left open.</param>
    public static void Save(MultiLayerPerceptron model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        ModelWriter.Write(model, stream);
    }

    /// <summary>Loads a model from a file, which must hold exactly one model.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model, with the saved architecture and bit-identical parameters.</returns>
    /// <exception cref="InvalidDataException">The file is not a model file, has an unsupported version, or is
    /// truncated or damaged; the message says which, where, and names the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static MultiLayerPerceptron Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return ModelReader.Read(file, path, wholeStream: true);
    }

    /// <summary>Reads one model from a stream, stopping right after it (so models can be embedded in other data).</summary>
    /// <param name="stream">The source, positioned at the model.</param>
    /// <param name="sourceName">Names the source in error messages.</param>
    /// <returns>The model, with the saved architecture and bit-identical parameters.</returns>
    /// <exception cref="InvalidDataException">The data is not a model, has an unsupported version, or is truncated or damaged.</exception>
    public static MultiLayerPerceptron Load(Stream stream, string sourceName = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ModelReader.Read(stream, sourceName, wholeStream: false);
    }

    /// <summary>
    /// <see cref="Save(MultiLayerPerceptron, string)"/> with a hook that wraps the temporary file's stream, so tests
    /// can make the write fail part-way.
    /// </summary>
    internal static void Save(MultiLayerPerceptron model, string path, Func<Stream, Stream>? wrap)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, file => // Checks path.
        {
            Stream stream = wrap?.Invoke(file) ?? file;
            ModelWriter.Write(model, stream);
            stream.Flush();
        });
    }
}
