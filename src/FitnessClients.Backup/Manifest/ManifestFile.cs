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

    /// <summary>Set for a format of several files (photos, gear): each file written, its path relative to the backup folder.</summary>
    public List<ManifestFile>? Parts { get; set; }

    /// <summary>Whether the files this record names are all on disk (a record of nothing written is not done).</summary>
    public bool FilesExist(string root) =>
        Path is { } path ? File.Exists(System.IO.Path.Combine(root, path))
        : Parts is { Count: > 0 } parts && parts.All(p => p.Path is { } part && File.Exists(System.IO.Path.Combine(root, part)));

    public static ManifestFile Unavailable(string reason) => new() { NotAvailable = reason };
}
