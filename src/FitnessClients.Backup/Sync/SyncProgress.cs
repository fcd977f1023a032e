using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>A snapshot of a sync run for a progress bar or a log line.</summary>
/// <param name="Phase">Where the run is.</param>
/// <param name="Listed">Activities listed so far.</param>
/// <param name="Total">Activities to sync (known once listing ends).</param>
/// <param name="Completed">Of those, finished so far.</param>
/// <param name="Current">The activity just started or finished, when there is one.</param>
/// <param name="Outcome">What happened to <paramref name="Current"/>, once it is finished.</param>
public sealed record SyncProgress(SyncPhase Phase, int Listed, int Total, int Completed, ActivitySummary? Current, SyncOutcome? Outcome);
