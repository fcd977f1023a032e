namespace FitnessClients.Backup;

/// <summary>What <see cref="BackupLayout.NameSuffix"/> appends to file names.</summary>
public enum BackupNameSuffix
{
    /// <summary>Nothing: names are time and id only.</summary>
    None,

    /// <summary>The activity's name.</summary>
    ActivityName,

    /// <summary>The activity's description (the raw JSON's <c>description</c>), or its name when it has none.</summary>
    Description,
}
