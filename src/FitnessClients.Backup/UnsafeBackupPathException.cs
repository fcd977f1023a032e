namespace FitnessClients.Backup;

/// <summary>
/// A file name from the source would not stay inside the backup folder (empty once sanitised, rooted, <c>..</c>, too
/// long). The backup refuses that file, records this error for it in <see cref="BackupResult.Errors"/>, and goes on.
/// </summary>
public sealed class UnsafeBackupPathException : IOException
{
    /// <summary>Creates the exception.</summary>
    public UnsafeBackupPathException()
        : this("A file name would not stay inside the backup folder.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnsafeBackupPathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnsafeBackupPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused path.</summary>
    /// <param name="relativePath">The path relative to the backup folder, as sanitised.</param>
    /// <param name="reason">Why it was refused.</param>
    public UnsafeBackupPathException(string relativePath, string reason)
        : base($"Refused to write '{relativePath}': {reason}, so it would not stay inside the backup folder.")
    {
        RelativePath = relativePath;
    }

    /// <summary>The refused path relative to the backup folder, as sanitised; empty when not known.</summary>
    public string RelativePath { get; } = "";
}
