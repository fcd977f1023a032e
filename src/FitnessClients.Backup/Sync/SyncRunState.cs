using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>The counters and lists of one run (one writer: the sync runs activities one at a time).</summary>
internal sealed class SyncRunState(SyncOptions options, IReadOnlyList<ActivityFormat> fileFormats, IProgress<SyncProgress>? progress)
{
    public SyncOptions Options { get; } = options;

    /// <summary>The file formats to try, best first: the preference narrowed to what the source offers and the target accepts.</summary>
    public IReadOnlyList<ActivityFormat> FileFormats { get; } = fileFormats;

    public int Listed { get; set; }

    public int AlreadySynced { get; set; }

    public int Total { get; set; }

    public int Completed { get; set; }

    public DateTimeOffset? NewestListed { get; set; }

    /// <summary>Whether listing went to the end of what the run looks at (not cut short by <see cref="SyncOptions.MaxActivities"/>).</summary>
    public bool ListingComplete { get; set; }

    /// <summary>Start times of listed activities that are in the target (recorded before, or by this run).</summary>
    public List<DateTimeOffset> DoneStarts { get; } = [];

    public List<SyncedActivity> Uploaded { get; } = [];

    public List<SyncedActivity> Duplicates { get; } = [];

    public List<UnmappedActivity> Unmapped { get; } = [];

    public List<SyncFailure> Failed { get; } = [];

    public List<PlannedUpload> Planned { get; } = [];

    public void Report(SyncPhase phase, ActivitySummary? current, SyncOutcome? outcome) =>
        progress?.Report(new SyncProgress(phase, Listed, Total, Completed, current, outcome));
}
