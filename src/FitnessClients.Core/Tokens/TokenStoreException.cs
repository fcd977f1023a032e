namespace FitnessClients.Core.Tokens;

/// <summary>
/// A token store holds data for a key that it cannot use: a corrupt or empty file, a symlink where a file was
/// expected, a file with unsafe permissions. The data is left untouched for the user to inspect.
/// </summary>
public class TokenStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where, without any token value.</param>
    public TokenStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong and where, without any token value.</param>
    /// <param name="innerException">The cause.</param>
    public TokenStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The path of the offending file, for file-based stores.</summary>
    public string? Path { get; init; }
}
