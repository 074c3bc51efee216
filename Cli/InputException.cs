namespace SimdMlp.Cli;

/// <summary>
/// Bad input from the user (an option, a path, the content of a file): the run ends with exit code 2 and the message,
/// which is one sentence naming the option or file and what is wrong with it.
/// </summary>
internal sealed class InputException(string message) : Exception(message);
