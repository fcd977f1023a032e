using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>One activity that failed; the run went on with the others and the next run retries it.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Stage">The step that failed.</param>
/// <param name="ErrorType">The exception's type name, for scripts and logs (e.g. <c>FitnessApiException</c>, <c>NoUploadableFormatException</c>).</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Exception">The exception itself, to branch on its type and properties.</param>
public sealed record SyncFailure(ActivitySummary Activity, SyncStage Stage, string ErrorType, string Message, Exception Exception);
