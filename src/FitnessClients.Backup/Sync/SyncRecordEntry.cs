namespace FitnessClients.Backup.Sync;

/// <summary>One source activity in the record: where it went in the target, or why it did not get there yet.</summary>
internal sealed class SyncRecordEntry
{
    public const string UploadedStatus = "uploaded";
    public const string DuplicateStatus = "duplicate";
    public const string FailedStatus = "failed";

    public string SourceId { get; set; } = "";

    public DateTimeOffset StartTime { get; set; }

    /// <summary>The source's type of the activity.</summary>
    public string? SourceSport { get; set; }

    /// <summary>The target sport it was filed under.</summary>
    public string? Sport { get; set; }

    /// <summary><c>uploaded</c>, <c>duplicate</c> (the target had it) or <c>failed</c> (retried by the next run).</summary>
    public string Status { get; set; } = "";

    public string? TargetId { get; set; }

    /// <summary>The uploaded format, or <c>manual</c>.</summary>
    public string? Format { get; set; }

    public DateTimeOffset? SyncedAt { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Failures { get; set; }

    public string? LastError { get; set; }

    public bool IsDone => Status is UploadedStatus or DuplicateStatus;
}
