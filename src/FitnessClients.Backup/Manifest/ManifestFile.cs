namespace FitnessClients.Backup.Manifest;

/// <summary>One format of one activity: the file written, or why the service does not have it.</summary>
internal sealed class ManifestFile
{
    /// <summary>The file, relative to the backup folder, with forward slashes.</summary>
    public string? Path { get; set; }

    public long? Length { get; set; }

    public string? Sha256 { get; set; }

    /// <summary>Set when the service does not have the format: the reason it gave.</summary>
    public string? NotAvailable { get; set; }

    public static ManifestFile Unavailable(string reason) => new() { NotAvailable = reason };
}
