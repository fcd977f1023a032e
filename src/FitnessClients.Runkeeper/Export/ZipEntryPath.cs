namespace FitnessClients.Runkeeper.Export;

/// <summary>
/// Names inside an export ZIP, made safe: forward slashes, no root, no drive, no <c>..</c> or <c>.</c> segments, no
/// control characters. The reader never extracts to disk, but it also never lets an entry name or a CSV value reach a
/// file outside the archive's own tree.
/// </summary>
internal static class ZipEntryPath
{
    public static bool TryNormalize(string? name, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var text = name.Replace('\\', '/');
        if (text.StartsWith('/') || text.Contains(':', StringComparison.Ordinal) || text.Any(char.IsControl))
        {
            return false;
        }

        var segments = text.Split('/');
        if (segments.Any(s => s is ".." or "."))
        {
            return false;
        }

        var kept = segments.Where(s => s.Length > 0).ToArray();
        if (kept.Length == 0)
        {
            return false;
        }

        normalized = string.Join('/', kept);
        return true;
    }

    /// <summary>The folder part of a normalised name, with a trailing slash, or empty at the root.</summary>
    public static string Folder(string normalized)
    {
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalized[..(slash + 1)];
    }

    /// <summary>The last segment of a normalised name.</summary>
    public static string FileName(string normalized)
    {
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized[(slash + 1)..];
    }
}
