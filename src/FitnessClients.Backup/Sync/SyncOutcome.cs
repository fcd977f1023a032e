namespace FitnessClients.Backup.Sync;

/// <summary>What happened to one activity in a run.</summary>
public enum SyncOutcome
{
    /// <summary>Uploaded and recorded.</summary>
    Uploaded,

    /// <summary>The target already had it (found before uploading, or the target said so); recorded, nothing created.</summary>
    Duplicate,

    /// <summary>Its type has no sport mapping; not uploaded, not recorded, reported every run until mapped.</summary>
    SkippedUnmapped,

    /// <summary>Failed; recorded as failed and retried by the next run.</summary>
    Failed,

    /// <summary>Dry run: would be uploaded.</summary>
    WouldUpload,
}
