namespace SimdMlp.Cli;

/// <summary>Turns an exception into the exit code and the one line on stderr that a user sees.</summary>
internal static class ErrorReport
{
    public static int Write(Exception error, TextWriter stderr, bool verbose)
    {
        (int code, string message) = Classify(error);
        // One line, whatever the exception's message holds, so that scripts and logs can quote it.
        stderr.WriteLine($"simdmlp: {OneLine(message)}");
        if (verbose) stderr.WriteLine(error.ToString());
        return code;
    }

    /// <summary>Which failures are the user's input (exit 2) and which are ours (exit 1).</summary>
    internal static (int Code, string Message) Classify(Exception error) => error switch
    {
        InputException => (Program.BadInput, error.Message),
        // The readers' messages name the file and where in it the problem is.
        InvalidDataException => (Program.BadInput, error.Message),
        // File-system errors: .NET's messages name the path ("Could not find file '…'", "Access to the path '…' is denied").
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException =>
            (Program.BadInput, error.Message),
        _ => (Program.InternalError,
            $"internal error ({error.GetType().Name}: {error.Message}); this is a bug, please report it with the output of --verbose."),
    };

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
