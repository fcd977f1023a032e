namespace FitnessClients.Backup.Sync;

/// <summary>Where a sync run is.</summary>
public enum SyncPhase
{
    /// <summary>Taking the folder lock and loading the record.</summary>
    Preparing,

    /// <summary>Asking the source for its activities.</summary>
    Listing,

    /// <summary>Checking for duplicates and uploading, newest first.</summary>
    Syncing,

    /// <summary>Saving the record.</summary>
    Finishing,

    /// <summary>Done.</summary>
    Completed,
}
