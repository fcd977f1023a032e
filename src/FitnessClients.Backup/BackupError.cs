namespace FitnessClients.Backup;

/// <summary>One file that could not be backed up; the run goes on with the others and the next run retries it.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Format">The format's name.</param>
/// <param name="ErrorType">The exception's type name, for scripts.</param>
/// <param name="Message">The exception's message.</param>
public sealed record BackupError(string ActivityId, string Format, string ErrorType, string Message);
