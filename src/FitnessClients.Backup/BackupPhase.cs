namespace FitnessClients.Backup;

/// <summary>Where a run is.</summary>
public enum BackupPhase
{
    /// <summary>Loading the manifest and tidying leftovers of an interrupted run.</summary>
    Preparing,

    /// <summary>Asking the service for the activity list.</summary>
    Listing,

    /// <summary>Downloading files.</summary>
    Downloading,

    /// <summary>Saving the manifest and writing <c>activities.csv</c>.</summary>
    Finishing,

    /// <summary>Done.</summary>
    Completed,
}
