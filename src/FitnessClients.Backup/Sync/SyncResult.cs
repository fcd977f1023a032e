namespace FitnessClients.Backup.Sync;

/// <summary>What a sync run did (or, in a dry run, would do).</summary>
public sealed record SyncResult
{
    /// <summary>Whether this was a dry run (nothing uploaded, nothing recorded).</summary>
    public bool DryRun { get; init; }

    /// <summary>Activities the source listed.</summary>
    public int Listed { get; init; }

    /// <summary>Listed activities the record says are in the target already (not asked about again).</summary>
    public int AlreadySynced { get; init; }

    /// <summary>Activities uploaded by this run.</summary>
    public IReadOnlyList<SyncedActivity> Uploaded { get; init; } = [];

    /// <summary>Activities found in the target before uploading (or reported there by the target), recorded without a new upload.</summary>
    public IReadOnlyList<SyncedActivity> Duplicates { get; init; } = [];

    /// <summary>Activities skipped because their type has no sport mapping.</summary>
    public IReadOnlyList<UnmappedActivity> SkippedUnmapped { get; init; } = [];

    /// <summary>Activities that failed; the next run retries them.</summary>
    public IReadOnlyList<SyncFailure> Failed { get; init; } = [];

    /// <summary>Dry run: what a real run would upload, newest first.</summary>
    public IReadOnlyList<PlannedUpload> Planned { get; init; } = [];

    /// <summary>How long the run took, by the engine's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>After the run: the newest start of a history that is completely synced (listing stops there next time).</summary>
    public DateTimeOffset? HighWaterMark { get; init; }

    /// <summary>The record file of this source and target.</summary>
    public string RecordPath { get; init; } = "";
}
