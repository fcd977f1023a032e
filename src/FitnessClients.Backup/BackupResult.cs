namespace FitnessClients.Backup;

/// <summary>What a run did. File counts are per activity and format.</summary>
public sealed record BackupResult
{
    /// <summary>Activities the source listed (before filters).</summary>
    public int Listed { get; init; }

    /// <summary>Activities the filters selected.</summary>
    public int Selected { get; init; }

    /// <summary>Files downloaded and written.</summary>
    public int Downloaded { get; init; }

    /// <summary>Files already present (or recorded as not available earlier), so not asked for.</summary>
    public int Skipped { get; init; }

    /// <summary>Formats the service said it does not have, recorded in this run.</summary>
    public int NotAvailable { get; init; }

    /// <summary>Files that failed; see <see cref="Errors"/>.</summary>
    public int Failed { get; init; }

    /// <summary>One entry per failed file.</summary>
    public IReadOnlyList<BackupError> Errors { get; init; } = [];

    /// <summary>Bytes written into activity files.</summary>
    public long BytesWritten { get; init; }

    /// <summary>Requests the run made, when <see cref="BackupOptions.RequestCounter"/> was given.</summary>
    public long? RequestsMade { get; init; }

    /// <summary>How long the run took, by the engine's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The high-water mark after the run: the newest start of a fully completed history.</summary>
    public DateTimeOffset? HighWaterMark { get; init; }
}
