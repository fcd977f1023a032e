using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>What one <see cref="SyncEngine.RunAsync"/> syncs and how.</summary>
/// <example>
/// <code>
/// var result = await new SyncEngine(new StravaActivitySource(strava), new FitTrackeeActivitySink(fittrackee))
///     .RunAsync(new SyncOptions
///     {
///         StateDirectory = "~/.local/state/fitness-sync",
///         Since = new DateOnly(2024, 1, 1),
///         SportMapping = SportMapping.Default.WithOverrides([new("VirtualRun", "Running")]),
///     });
/// </code>
/// </example>
public sealed record SyncOptions
{
    /// <summary>
    /// The folder of the record of what was synced (one JSON file per source and target) and of the lock; created
    /// when missing. Use one folder per target account.
    /// </summary>
    public required string StateDirectory { get; init; }

    /// <summary>Only activities on or after this local date (the activity's own date where it happened).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Only activities on or before this local date.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>At most this many activities are uploaded (or checked) in this run, the newest unsynced first; <see langword="null"/> for all.</summary>
    public int? MaxActivities { get; init; }

    /// <summary>Lists what would be uploaded without uploading, recording or locking anything (the target is still asked about duplicates).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Lists the whole history instead of stopping at the record's high-water mark: catches activities added to the
    /// source late with old dates, and old activities whose type has been mapped since.
    /// </summary>
    public bool FullScan { get; init; }

    /// <summary>Source type → target sport; unmapped types are skipped and reported.</summary>
    public SportMapping SportMapping { get; init; } = SportMapping.Default;

    /// <summary>
    /// The file formats to try, best first; each is used only when both the source offers it and the target accepts
    /// it. The default prefers the device's own FIT, then GPX, TCX and KML. A file the target refuses for its size
    /// (HTTP 413) is retried in the next format.
    /// </summary>
    public IReadOnlyList<ActivityFormat> FormatPreference { get; init; } = SyncEngine.DefaultFormatPreference;

    /// <summary>
    /// Whether an activity without a GPS track (or without any file the target accepts) is created as a manual entry
    /// from its summary (date, duration, distance). On by default, as every <see cref="IActivitySink"/> takes them.
    /// </summary>
    public bool AllowManualEntries { get; init; } = true;

    /// <summary>Notes to send with each upload (the sink adds its own source marker); <see langword="null"/> sends none.</summary>
    public Func<ActivitySummary, string?>? Notes { get; init; }
}
