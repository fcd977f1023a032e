using FitnessClients.Core.Activities;

namespace FitnessClients.Backup;

/// <summary>What one <see cref="BackupEngine.RunAsync"/> backs up, where, and how.</summary>
/// <example>
/// <code>
/// var result = await new BackupEngine(source).RunAsync(new BackupOptions
/// {
///     BackupDirectory = "garmin-backup",
///     Formats = [ActivityFormat.Original, ActivityFormat.Gpx],
///     Layout = new BackupLayout { SubfolderTemplate = "{YYYY}/{MM}" },
/// });
/// </code>
/// </example>
public sealed record BackupOptions
{
    /// <summary>The folder that holds the files, the manifest and <c>activities.csv</c>; created when missing.</summary>
    public required string BackupDirectory { get; init; }

    /// <summary>The formats to keep of every activity; each must be one of the source's supported formats. Empty means <see cref="ActivityFormat.Original"/>.</summary>
    public IReadOnlyList<ActivityFormat> Formats { get; init; } = [];

    /// <summary>Which activities to back up.</summary>
    public BackupFilter Filter { get; init; } = new();

    /// <summary>Folder and file naming.</summary>
    public BackupLayout Layout { get; init; } = new();

    /// <summary>
    /// Lists the whole history instead of stopping at the high-water mark, to catch activities uploaded late with
    /// old dates (a watch synced after months). Costs one listing request per page of history.
    /// </summary>
    public bool FullScan { get; init; }

    /// <summary>Asks again for formats recorded as not available (the service may have them now).</summary>
    public bool RetryNotAvailable { get; init; }

    /// <summary>How many downloads run at once; the source's rate limiter still paces them.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// Reads a running count of requests made (an emulator's log size, a counting handler), so the result can say how
    /// many requests the run cost. <see langword="null"/> leaves <see cref="BackupResult.RequestsMade"/> unset.
    /// </summary>
    public Func<long>? RequestCounter { get; init; }

    /// <summary>Whether to rewrite <c>activities.csv</c> from the manifest at the end of the run.</summary>
    public bool WriteCsv { get; init; } = true;

    /// <summary>The CSV columns; <see langword="null"/> uses <see cref="CsvTemplate.Default"/>.</summary>
    public CsvTemplate? CsvTemplate { get; init; }
}
