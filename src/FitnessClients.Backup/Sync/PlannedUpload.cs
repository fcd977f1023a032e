using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>Dry run: an activity a real run would upload.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Sport">The target sport it would be filed under.</param>
/// <param name="Format">The format tried first (<c>fit</c>, <c>gpx</c>, ...), or <c>manual</c> for an entry without a file.</param>
public sealed record PlannedUpload(ActivitySummary Activity, string Sport, string Format);
