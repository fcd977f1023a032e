using System.IO.Compression;
using System.Text.RegularExpressions;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>
/// Picks the activity file out of an original-download ZIP, refusing anything that could be written outside the
/// target folder (zip-slip): only a bare file name of the form <c>{digits}[_ACTIVITY].{fit|gpx|tcx}</c> is ever
/// taken, and only one entry.
/// </summary>
internal static partial class GarminZip
{
    /// <summary>Chooses the entry to extract: <c>{id}_ACTIVITY.*</c>, then <c>{id}.*</c> (before 2020), then the only other activity file (a multisport leg's ZIP names the parent).</summary>
    /// <exception cref="InvalidDataException">The ZIP holds no acceptable entry; unsafe names are named in the message.</exception>
    public static ZipArchiveEntry SelectActivityEntry(ZipArchive archive, long activityId)
    {
        var candidates = new List<ZipArchiveEntry>();
        var refused = new List<string>();
        foreach (var entry in archive.Entries)
        {
            if (IsSafeEntryName(entry.FullName) && ActivityFileName().IsMatch(entry.FullName))
            {
                candidates.Add(entry);
            }
            else if (ActivityFileName().IsMatch(LastSegment(entry.FullName)))
            {
                // The right file name behind a directory, ".." or a root: a zip-slip attempt, never extracted.
                refused.Add(entry.FullName);
            }
        }

        var id = activityId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var chosen = candidates.FirstOrDefault(e => e.FullName.StartsWith(id + "_", StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(e => e.FullName.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase))
            ?? (candidates.Count == 1 ? candidates[0] : null);
        if (chosen is not null)
        {
            return chosen;
        }

        var found = archive.Entries.Count == 0 ? "it is empty" : $"it holds {archive.Entries.Count} entr{(archive.Entries.Count == 1 ? "y" : "ies")}";
        var unsafeText = refused.Count > 0 ? $"; refused unsafe entry names: {string.Join(", ", refused.Take(5).Select(n => $"'{n}'"))}" : string.Empty;
        throw new InvalidDataException($"The original ZIP of Garmin activity {id} holds no activity file named {id}_ACTIVITY.fit, .gpx or .tcx ({found}{unsafeText}).");
    }

    /// <summary>The part after the last <c>/</c>, <c>\</c> or <c>:</c>, whatever the platform's own separator.</summary>
    private static string LastSegment(string name) => name[(name.LastIndexOfAny(['/', '\\', ':']) + 1)..];

    /// <summary>The extension of a chosen entry, lower case without a dot.</summary>
    public static string ExtensionOf(ZipArchiveEntry entry) => Path.GetExtension(entry.FullName).TrimStart('.').ToLowerInvariant();

    /// <summary>
    /// Whether a name is a plain file name: no directory part (either slash), no <c>..</c>, not rooted, no drive or
    /// stream colon, no control characters.
    /// </summary>
    public static bool IsSafeEntryName(string name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.IndexOfAny(['/', '\\', ':']) < 0
        && !name.Contains("..", StringComparison.Ordinal)
        && !Path.IsPathRooted(name)
        && !name.Any(char.IsControl);

    /// <summary>The path of <paramref name="fileName"/> in <paramref name="directory"/>, refusing any name that would leave it.</summary>
    /// <exception cref="InvalidDataException">The name resolves outside the directory.</exception>
    public static string CombineInside(string directory, string fileName)
    {
        var root = Path.GetFullPath(directory);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(Path.Combine(root, fileName));
        if (!IsSafeEntryName(fileName) || !target.StartsWith(rootWithSeparator, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Refused to write '{fileName}': it resolves outside '{root}'.");
        }

        return target;
    }

    [GeneratedRegex(@"^\d+(_ACTIVITY)?\.(fit|gpx|tcx)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActivityFileName();
}
