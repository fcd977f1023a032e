using System.Text.RegularExpressions;

namespace FitnessClients.Backup.Storage;

/// <summary>
/// Recognises a folder made by garminexport (<c>garmin-backup</c>): flat files named
/// <c>{startUtc.isoformat()}_{id}{suffix}</c> (<c>2026-01-08T14:10:21+00:00_21482825013.fit</c>, with <c>:</c> as
/// <c>_</c> on Windows) for the suffixes <c>_summary.json</c>, <c>_details.json</c>, <c>.gpx</c>, <c>.tcx</c> and
/// <c>.fit</c>, and the <c>.not_found</c> file listing one would-be file name per line for formats Garmin did not
/// have. Files found count as done for our formats of the same name; <c>.not_found</c> lines as not available.
/// </summary>
internal sealed partial class GarminExportFolder
{
    private const string NotFoundFileName = ".not_found";
    private const string NotFoundMarkerSuffix = ".not_found";

    private readonly Dictionary<(string Id, string Format), string> _files = [];
    private readonly HashSet<(string Id, string Format)> _notFound = [];

    private GarminExportFolder()
    {
    }

    public bool IsEmpty => _files.Count == 0 && _notFound.Count == 0;

    public static GarminExportFolder Scan(string root)
    {
        var folder = new GarminExportFolder();
        foreach (var path in Directory.EnumerateFiles(root))
        {
            var name = Path.GetFileName(path);
            if (Parse(name) is { } file)
            {
                folder._files[file] = name;
            }
            else if (name.EndsWith(NotFoundMarkerSuffix, StringComparison.Ordinal)
                && Parse(name[..^NotFoundMarkerSuffix.Length]) is { } marker)
            {
                // Not garminexport's own format, but one marker file per missing format is an easy variant to accept.
                folder._notFound.Add(marker);
            }
        }

        var notFound = Path.Combine(root, NotFoundFileName);
        if (File.Exists(notFound))
        {
            foreach (var line in File.ReadLines(notFound))
            {
                if (Parse(Path.GetFileName(line.Trim())) is { } entry)
                {
                    folder._notFound.Add(entry);
                }
            }
        }

        return folder;
    }

    /// <summary>The file name (in the root) garminexport wrote for this activity and format, if any.</summary>
    public string? FindFile(string id, string format) => _files.GetValueOrDefault((id, format));

    /// <summary>Whether garminexport recorded the format as not found for this activity.</summary>
    public bool IsNotFound(string id, string format) => _notFound.Contains((id, format));

    internal static (string Id, string Format)? Parse(string fileName)
    {
        var match = NamePattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        var format = match.Groups["suffix"].Value switch
        {
            "_summary.json" => "summary.json",
            "_details.json" => "details.json",
            var other => other[1..],
        };
        return (match.Groups["id"].Value, format);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}[:_]\d{2}[:_]\d{2}(?:\.\d+)?(?:[+-]\d{2}[:_]\d{2}|Z)_(?<id>\d+)(?<suffix>_summary\.json|_details\.json|\.gpx|\.tcx|\.fit)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NamePattern();
}
