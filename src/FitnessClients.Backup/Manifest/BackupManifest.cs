namespace FitnessClients.Backup.Manifest;

/// <summary>The content of <c>backup-manifest.json</c>: what is done, what the service lacks, and how far back the history is complete.</summary>
internal sealed class BackupManifest
{
    public int Version { get; set; } = 1;

    public string? Service { get; set; }

    /// <summary>The newest start of a fully completed history: listing stops at the first complete activity at or before it.</summary>
    public DateTimeOffset? HighWaterMark { get; set; }

    public List<ManifestActivity> Activities { get; set; } = [];

    public List<ManifestRun> Runs { get; set; } = [];
}
