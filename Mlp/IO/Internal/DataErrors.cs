namespace SimdMlp.IO;

/// <summary>
/// Builds the <see cref="InvalidDataException"/>s of the readers, so every message starts with where the problem is
/// (source, then byte offset or line and column) in the same words.
/// </summary>
internal static class DataErrors
{
    /// <summary>A problem at a byte offset of a binary source.</summary>
    public static InvalidDataException AtOffset(string source, long offset, string problem) =>
        new($"{source}: byte offset {offset}: {problem}");

    /// <summary>A problem at a line (1-based) of a text source.</summary>
    public static InvalidDataException AtLine(string source, long line, string problem) =>
        new($"{source}: line {line}: {problem}");

    /// <summary>A problem at a line and column (both 1-based) of a text source; the column's header name if known.</summary>
    public static InvalidDataException AtField(string source, long line, int column, string? columnName, string problem) =>
        new(columnName is null
            ? $"{source}: line {line}, column {column}: {problem}"
            : $"{source}: line {line}, column {column} ('{columnName}'): {problem}");

    /// <summary>A problem with a source as a whole.</summary>
    public static InvalidDataException InSource(string source, string problem) => new($"{source}: {problem}");
}
