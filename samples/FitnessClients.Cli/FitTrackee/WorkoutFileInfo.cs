using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace FitnessClients.Cli.FitTrackee;

/// <summary>
/// What <c>upload</c> learns from a workout file before sending it: a content hash (the duplicate marker), the start
/// time and the activity type when the file says (GPX <c>trk/type</c> and first <c>time</c>; TCX <c>Activity/@Sport</c>
/// and <c>Id</c>). FIT, KML and KMZ are sent as they are; their start is not read here.
/// </summary>
public sealed record WorkoutFileInfo(string Path, string Extension, string ContentHash, DateTimeOffset? StartTime, string? ActivityType)
{
    /// <summary>The extensions <c>upload</c> takes.</summary>
    public static IReadOnlyList<string> Extensions { get; } = ["gpx", "tcx", "fit", "kml", "kmz"];

    /// <summary>Default mapping of file and service activity types to FitTrackee sport labels (Strava names as strava-to-fittrackee maps them).</summary>
    public static IReadOnlyDictionary<string, string> DefaultSportMap { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["running"] = "Running", ["run"] = "Running", ["trail running"] = "Trail", ["trailrun"] = "Trail", ["trail_running"] = "Trail",
        ["cycling"] = "Cycling (Sport)", ["biking"] = "Cycling (Sport)", ["ride"] = "Cycling (Sport)", ["road_biking"] = "Cycling (Sport)",
        ["virtualride"] = "Cycling (Virtual)", ["mountain biking"] = "Mountain Biking", ["mountainbikeride"] = "Mountain Biking", ["mountain_biking"] = "Mountain Biking",
        ["emountainbikeride"] = "Mountain Biking (Electric)", ["walking"] = "Walking", ["walk"] = "Walking", ["hiking"] = "Hiking", ["hike"] = "Hiking",
        ["rowing"] = "Rowing", ["alpineski"] = "Skiing (Alpine)", ["downhill skiing"] = "Skiing (Alpine)", ["nordicski"] = "Skiing (Cross Country)",
        ["cross-country skiing"] = "Skiing (Cross Country)", ["snowshoe"] = "Snowshoes", ["swimming"] = "Open Water Swimming", ["open_water_swimming"] = "Open Water Swimming",
        ["kayaking"] = "Kayaking", ["canoeing"] = "Canoeing", ["iceskate"] = "Ice Skating", ["inlineskate"] = "Inline Skating",
    };

    /// <summary>Reads the file's hash, start and type.</summary>
    public static async Task<WorkoutFileInfo> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var extension = System.IO.Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        DateTimeOffset? start = null;
        string? type = null;
        if (extension is "gpx" or "tcx")
        {
            try
            {
                using var stream = new MemoryStream(bytes);
                var document = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken);
                if (extension == "gpx")
                {
                    var track = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "trk");
                    type = track?.Elements().FirstOrDefault(e => e.Name.LocalName == "type")?.Value.Trim();
                    start = ParseTime(document.Descendants().FirstOrDefault(e => e.Name.LocalName == "trkpt")?.Elements().FirstOrDefault(e => e.Name.LocalName == "time")?.Value);
                }
                else
                {
                    var activity = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Activity");
                    type = activity?.Attribute("Sport")?.Value.Trim();
                    start = ParseTime(activity?.Elements().FirstOrDefault(e => e.Name.LocalName == "Id")?.Value);
                }
            }
            catch (XmlException)
            {
                // Not readable XML: FitTrackee will say what is wrong with it.
            }
        }

        return new WorkoutFileInfo(path, extension, hash, start, string.IsNullOrEmpty(type) ? null : type);
    }

    /// <summary>The files named: files themselves, and the workout files anywhere under folders, in name order.</summary>
    /// <exception cref="CliUsageException">A path does not exist.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(System.IO.Path.GetExtension(f).TrimStart('.').ToLowerInvariant(), StringComparer.Ordinal))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliUsageException($"'{path}' does not exist");
            }
        }

        return files;
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
