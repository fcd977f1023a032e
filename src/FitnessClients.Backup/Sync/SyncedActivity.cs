using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>An activity that is now in the target (uploaded by this run, or found there already).</summary>
/// <param name="Activity">The activity as the source listed it.</param>
/// <param name="TargetId">The target's id of it.</param>
/// <param name="Sport">The target sport it was filed under.</param>
/// <param name="Format">The file format uploaded (<c>fit</c>, <c>gpx</c>, ...), <c>manual</c> for an entry without a file, or <see langword="null"/> for a duplicate.</param>
public sealed record SyncedActivity(ActivitySummary Activity, string TargetId, string Sport, string? Format);
