namespace FitnessClients.Backup.Sync;

/// <summary>
/// The source has no file of the activity in a format the target accepts, and a manual entry is not allowed (or the
/// activity has a GPS track that a manual entry would lose, and <see cref="SyncOptions.AllowManualEntries"/> is off).
/// </summary>
public sealed class NoUploadableFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which formats were tried and why each was not usable.</param>
    public NoUploadableFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NoUploadableFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public NoUploadableFormatException()
        : this("No format of the activity can be uploaded to the target.")
    {
    }
}
