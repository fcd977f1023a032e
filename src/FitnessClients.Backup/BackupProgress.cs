using FitnessClients.Core.Activities;

namespace FitnessClients.Backup;

/// <summary>A snapshot of a run for a progress bar.</summary>
/// <param name="Phase">Where the run is.</param>
/// <param name="Listed">Activities listed so far.</param>
/// <param name="Total">Activities selected for backup (known once listing ends).</param>
/// <param name="Completed">Selected activities finished so far.</param>
/// <param name="Current">The activity just started or finished, when there is one.</param>
public sealed record BackupProgress(BackupPhase Phase, int Listed, int Total, int Completed, ActivitySummary? Current);
