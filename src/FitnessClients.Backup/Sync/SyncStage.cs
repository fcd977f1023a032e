namespace FitnessClients.Backup.Sync;

/// <summary>The step of an activity's sync that failed.</summary>
public enum SyncStage
{
    /// <summary>Asking the target whether it already has the activity.</summary>
    CheckingDuplicate,

    /// <summary>Getting the activity's file from the source.</summary>
    OpeningFile,

    /// <summary>Uploading to the target.</summary>
    Uploading,
}
