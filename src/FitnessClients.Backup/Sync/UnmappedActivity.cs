using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>An activity skipped because its type has no sport mapping (add one with <see cref="SportMapping.WithOverrides"/>).</summary>
/// <param name="Activity">The activity.</param>
/// <param name="SourceType">Its type as the source reports it (<see langword="null"/> when the source gave none).</param>
public sealed record UnmappedActivity(ActivitySummary Activity, string? SourceType);
