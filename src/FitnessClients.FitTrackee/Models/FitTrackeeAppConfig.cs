using System.Globalization;
using System.Text.Json.Serialization;

namespace FitnessClients.FitTrackee.Models;

/// <summary>The instance's public configuration (<c>GET /api/config</c>): version and upload limits.</summary>
public sealed record FitTrackeeAppConfig
{
    /// <summary>The FitTrackee version, e.g. <c>1.2.2</c>; gates the formats and downloads the instance offers.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// The largest upload of a single file, in bytes (default 1 MiB). FitTrackee compares it with the <b>whole</b>
    /// request's length, so the multipart overhead counts too.
    /// </summary>
    public long? MaxSingleFileSize { get; init; }

    /// <summary>The largest zip upload, in bytes (default 10 MiB).</summary>
    public long? MaxZipFileSize { get; init; }

    /// <summary>The most files a zip may hold.</summary>
    public int? FileLimitImport { get; init; }

    /// <summary>The most files of a zip processed while the request waits.</summary>
    public int? FileSyncLimitImport { get; init; }

    /// <summary>Whether new users may register.</summary>
    public bool? IsRegistrationEnabled { get; init; }

    /// <summary>The administrator's contact address, to ask for higher limits.</summary>
    public string? AdminContact { get; init; }

    /// <summary><see cref="Version"/> parsed (pre-release suffixes dropped), or <see langword="null"/> when absent or unreadable.</summary>
    [JsonIgnore]
    public Version? ParsedVersion
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Version))
            {
                return null;
            }

            var core = new string([.. Version.Trim().TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]).Trim('.');
            if (!core.Contains('.', StringComparison.Ordinal))
            {
                core += ".0";
            }

            return System.Version.TryParse(core, out var parsed) ? parsed : null;
        }
    }

    /// <summary>
    /// The file extensions the instance accepts for upload: <c>gpx</c> (and <c>zip</c>) always; <c>kml</c>,
    /// <c>kmz</c>, <c>fit</c> and <c>tcx</c> since 0.10.0. An unknown version is assumed current.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> UploadExtensions =>
        ParsedVersion is { } v && v < new Version(0, 10, 0) ? ["gpx", "zip"] : ["gpx", "kml", "kmz", "fit", "tcx", "zip"];

    /// <summary>Whether the instance serves the original uploaded file (since 0.12.0; an unknown version is assumed current).</summary>
    [JsonIgnore]
    public bool SupportsOriginalDownload => ParsedVersion is not { } v || v >= new Version(0, 12, 0);

    /// <summary>Whether <paramref name="extension"/> (with or without a dot) can be uploaded to this instance.</summary>
    /// <param name="extension">A file extension such as <c>.fit</c>.</param>
    public bool AcceptsExtension(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return UploadExtensions.Contains(extension.TrimStart('.').ToLowerInvariant(), StringComparer.Ordinal);
    }

    /// <summary>A size in bytes as FitTrackee's own messages show it (<c>1.0MB</c>).</summary>
    internal static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / 1048576d).ToString("0.0", CultureInfo.InvariantCulture) + "MB"
            : (bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + "KB";
}
