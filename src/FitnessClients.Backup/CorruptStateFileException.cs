namespace FitnessClients.Backup;

/// <summary>
/// A state file the backup or the sync keeps (<c>backup-manifest.json</c>, a <c>sync-*.json</c> record) cannot be
/// trusted: it is not JSON, was cut short, is <c>null</c>, or has missing or repeated ids. The run stops before it
/// uses the file, and the file is left where it is, because starting over silently would lose the run history and, for a sync, upload
/// everything again. The message names the file and the way out: move it aside and run again, which rebuilds a
/// manifest from the files on disk or starts a new sync record (the target's duplicate check skips what it has).
/// </summary>
/// <example>
/// <code>
/// try { await engine.RunAsync(options); }
/// catch (CorruptStateFileException e) { Console.Error.WriteLine(e.Message); /* e.FilePath is the damaged file */ }
/// </code>
/// </example>
public sealed class CorruptStateFileException : IOException
{
    /// <summary>Creates the exception for a damaged file, with what is wrong with it and how to get past it.</summary>
    /// <param name="filePath">The damaged file.</param>
    /// <param name="problem">What is wrong, e.g. <c>an activity has no id</c>.</param>
    /// <param name="wayOut">What the user should do, e.g. move it aside and run again.</param>
    /// <param name="innerException">The parser's error, when there was one.</param>
    public CorruptStateFileException(string filePath, string problem, string wayOut, Exception? innerException = null)
        : base($"The file '{filePath}' is damaged ({problem}) and was left as it is. {wayOut}", innerException)
    {
        FilePath = filePath;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public CorruptStateFileException(string message)
        : base(message)
    {
        FilePath = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CorruptStateFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
    }

    /// <summary>Creates the exception with no detail.</summary>
    public CorruptStateFileException()
        : this("A state file of the backup or the sync is damaged.")
    {
    }

    /// <summary>The damaged file (empty when created from a message only).</summary>
    public string FilePath { get; }
}
