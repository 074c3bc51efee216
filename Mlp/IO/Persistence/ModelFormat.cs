namespace SimdMlp.IO;

/// <summary>
/// The layout of a model file, version 1. All integers are unsigned 32-bit little-endian; floats are IEEE-754
/// binary32 little-endian. With N layer sizes and P parameters:
/// <code>
/// offset        size        field
/// 0             4           magic, ASCII "SMLP" (53 4D 4C 50)
/// 4             4           format version (1)
/// 8             4           output head (OutputHead: 0 softmax + cross-entropy, 1 sigmoid + BCE, 2 linear + squared error)
/// 12            4           N, the number of layer sizes (input, hidden…, output): 2 ≤ N ≤ 1024
/// 16            4·N         layer sizes, each ≥ 1
/// 16 + 4N       8·(N − 2)   per hidden layer: activation kind (ActivationKind), leaky-ReLU slope (float, finite, ≥ 0)
/// H − 8         4           P, the parameter count: Σ (size[l] + 1) · size[l+1], at most Array.MaxLength
/// H − 4         4           CRC-32 of bytes [0, H − 4): the header's own checksum
/// H             4·P         the parameters in MlpDefinition's layout (per layer W row-major, then b)
/// H + 4P        4           CRC-32 of bytes [0, H + 4P): everything before it
/// </code>
/// where H = 12·N + 8 is the header length; a file is H + 4P + 4 bytes, nothing after. CRC-32 is the zip/gzip one
/// (<see cref="Crc32"/>).
/// </summary>
/// <remarks>
/// The header has its own checksum so that the parameter count, which sizes the one large allocation, is known to be
/// intact before anything is allocated, even when the source is a stream whose length cannot be checked.
/// </remarks>
internal static class ModelFormat
{
    /// <summary>"SMLP" read as a little-endian 32-bit integer.</summary>
    public const uint Magic = 0x504C4D53u;

    /// <summary>The version this build writes and reads.</summary>
    public const uint Version = 1;

    /// <summary>The most layer sizes a file may declare; bounds the header before it is read.</summary>
    public const int MaxLayerSizes = 1024;

    /// <summary>Magic, version, head and N: the part read before the header's length is known.</summary>
    public const int PrefixLength = 16;

    /// <summary>The header length H for <paramref name="layerSizes"/> sizes: 12·N + 8.</summary>
    public static int HeaderLength(int layerSizes) => (12 * layerSizes) + 8;

    /// <summary>The file length for a header of <paramref name="headerLength"/> bytes and <paramref name="parameterCount"/> parameters.</summary>
    public static long FileLength(int headerLength, int parameterCount) => headerLength + (4L * parameterCount) + 4;
}
