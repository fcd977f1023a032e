namespace FitnessClients.Core.Tokens;

/// <summary>
/// Checks that a key can safely become a file name: it is used as <c>{key}.json</c> inside the token directory,
/// so anything that could escape that directory or mean something to the file system is refused.
/// </summary>
internal static class TokenFileKey
{
    // Leaves room for the ".{key}.json.{16 hex}.tmp" temp name within the usual 255-byte file name limit.
    internal const int MaxLength = 200;

    public static void Validate(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length == 0 || key.Length > MaxLength)
        {
            throw new ArgumentException($"A token key must be 1 to {MaxLength} characters long.", parameterName);
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.')
            {
                throw new ArgumentException(
                    "A token key may contain only ASCII letters, digits, '-', '_' and '.', because it becomes a file name.",
                    parameterName);
            }
        }

        if (key.Contains("..", StringComparison.Ordinal) || key == ".")
        {
            throw new ArgumentException("A token key must not be '.' or contain '..'.", parameterName);
        }
    }
}
