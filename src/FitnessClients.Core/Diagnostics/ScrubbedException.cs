namespace FitnessClients.Core.Diagnostics;

/// <summary>
/// Stands in for a logged exception: the same text with secrets masked. Loggers print <see cref="ToString"/>, which
/// keeps the original type name, message, inner exceptions and stack trace, scrubbed.
/// </summary>
internal sealed class ScrubbedException : Exception
{
    private readonly string _text;

    public ScrubbedException(Exception original)
        : base(SecretScrubber.Scrub(original.Message))
    {
        _text = SecretScrubber.Scrub(original.ToString());
        OriginalType = original.GetType();
        HResult = original.HResult;
    }

    public ScrubbedException()
        : this(new InvalidOperationException())
    {
    }

    public ScrubbedException(string message)
        : this(new InvalidOperationException(message))
    {
    }

    public ScrubbedException(string message, Exception innerException)
        : this(new InvalidOperationException(message, innerException))
    {
    }

    /// <summary>The type of the exception this one stands in for.</summary>
    public Type OriginalType { get; }

    public override string ToString() => _text;
}
