namespace FitnessClients.GarminConnect;

/// <summary>How <see cref="Clients.GarminDownloadsClient.DownloadToFileAsync"/> stores a download.</summary>
public sealed record GarminDownloadOptions
{
    /// <summary>
    /// For <see cref="GarminDownloadFormat.Original"/>: store the activity file inside the ZIP (<c>{id}_ACTIVITY.fit</c>,
    /// .gpx or .tcx) instead of the ZIP. Only that one entry is extracted; names with directories, <c>..</c> or a
    /// root are refused. Default <see langword="false"/>.
    /// </summary>
    public bool UnpackOriginal { get; init; }

    /// <summary>Whether an existing file of the same name is replaced. Default <see langword="true"/>.</summary>
    public bool Overwrite { get; init; } = true;
}
