namespace FitnessClients.GarminConnect;

/// <summary>What <see cref="Clients.GarminDownloadsClient.DownloadToFileAsync"/> did.</summary>
public sealed record GarminDownloadResult
{
    /// <summary>Whether Garmin had the format; when <see langword="false"/> nothing was written.</summary>
    public bool IsAvailable => FilePath is not null;

    /// <summary>The file written, when the format was available.</summary>
    public string? FilePath { get; init; }

    /// <summary>The stored file's extension without a dot (<c>zip</c>, <c>fit</c>, <c>gpx</c>, ...).</summary>
    public string? FileExtension { get; init; }

    /// <summary>The size of the stored file in bytes.</summary>
    public long Length { get; init; }

    /// <summary>Why the format is not available (manual activity, no GPS, TCX of a GPX upload, ...).</summary>
    public string? UnavailableReason { get; init; }
}
