using System.Net.Http.Headers;

namespace FitnessClients.Strava.Web;

/// <summary>
/// The file extension of a website export, from <c>Content-Disposition</c>. Strava strips periods from the name part,
/// so a dot starts the extension; compressed originals keep both parts (<c>.fit.gz</c>). Unlike stravaweblib, the
/// fallback for a name without an extension never depends on an unset variable: it uses the requested format, or the
/// content type for originals.
/// </summary>
internal static class ExportFileName
{
    private static readonly string[] CompoundExtensions = ["fit.gz", "tcx.gz", "gpx.gz"];

    public static string Extension(HttpContentHeaders? headers, StravaWebExportFormat format)
    {
        var disposition = headers?.ContentDisposition;
        var name = Unquote(disposition?.FileNameStar) ?? Unquote(disposition?.FileName);
        return FromName(name) ?? Fallback(headers?.ContentType?.MediaType, format);
    }

    internal static string? FromName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        // Only the last path segment counts; a name carrying folders must not steer where anything is written.
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim().ToLowerInvariant();
        foreach (var compound in CompoundExtensions)
        {
            if (name.EndsWith("." + compound, StringComparison.Ordinal))
            {
                return compound;
            }
        }

        var dot = name.LastIndexOf('.');
        if (dot < 0 || dot == name.Length - 1)
        {
            return null;
        }

        var extension = name[(dot + 1)..];
        return extension.Length <= 8 && extension.All(char.IsAsciiLetterOrDigit) ? extension : null;
    }

    private static string Fallback(string? mediaType, StravaWebExportFormat format) => format switch
    {
        StravaWebExportFormat.Gpx => "gpx",
        StravaWebExportFormat.Tcx => "tcx",
        _ => mediaType?.ToLowerInvariant() switch
        {
            "application/json" => "json",
            "application/gpx+xml" => "gpx",
            "application/vnd.garmin.tcx+xml" => "tcx",
            "application/vnd.ant.fit" or "application/fit" => "fit",
            _ => "dat",
        },
    };

    private static string? Unquote(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Trim('"');
}
