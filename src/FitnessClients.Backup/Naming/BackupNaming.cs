using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Naming;

/// <summary>Applies a <see cref="BackupLayout"/>: the folder and the names of an activity's files.</summary>
internal sealed class BackupNaming(BackupLayout layout)
{
    // Each folder's file names as the run first saw them, sorted: one listing per folder and run instead of one per file.
    private readonly ConcurrentDictionary<string, Lazy<string[]>> _namesAtStart = new(StringComparer.Ordinal);

    /// <summary>The folder relative to the backup root, forward slashes, empty for the root.</summary>
    public string FolderFor(ActivitySummary activity)
    {
        if (string.IsNullOrWhiteSpace(layout.SubfolderTemplate))
        {
            return "";
        }

        var local = activity.StartTime;
        var expanded = layout.SubfolderTemplate
            .Replace("{YYYY}", local.ToString("yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{MM}", local.ToString("MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{DD}", local.ToString("dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var segments = expanded
            .Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => FileNameSanitizer.Sanitize(s, 100))
            .Where(s => s.Length > 0);
        return string.Join('/', segments);
    }

    /// <summary>The name without extension: <c>[localPrefix_]{startUtc}_{id}[_{name}]</c>.</summary>
    public string BaseNameFor(ActivitySummary activity)
    {
        var utc = activity.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture);
        var prefix = layout.LocalTimePrefix
            ? activity.StartTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "_"
            : "";
        var name = $"{prefix}{utc}_{FileNameSanitizer.Sanitize(activity.Id, 40)}";
        var suffix = FileNameSanitizer.Sanitize(SuffixText(activity), layout.MaxNameSuffixBytes);
        return suffix.Length == 0 ? name : $"{name}_{suffix}";
    }

    /// <summary>
    /// The file name for a format: <c>{base}.{ext}</c> when the content has the format's own extension, otherwise
    /// <c>{base}.{format}.{ext}</c> (an original ZIP, a GPX upload served as the "fit" format) so formats never collide.
    /// </summary>
    public static string FileNameFor(string baseName, ActivityFormat format, string? contentExtension)
    {
        var extension = SafeExtension(contentExtension ?? format.FileExtension ?? "bin");
        return format.FileExtension is { } own && string.Equals(SafeExtension(own), extension, StringComparison.OrdinalIgnoreCase)
            ? $"{baseName}.{extension}"
            : $"{baseName}.{SafeExtension(format.Name)}.{extension}";
    }

    /// <summary>
    /// <see cref="FindExisting"/> against the folder as this run first listed it. Only files that were there before the
    /// run need adopting (this run records what it writes), and listing a folder of 10,000 files once per new file made
    /// a first backup quadratic.
    /// </summary>
    public string? FindExistingAtStart(string directory, string baseName, ActivityFormat format)
    {
        var names = _namesAtStart.GetOrAdd(directory, d => new Lazy<string[]>(() => Directory.Exists(d)
            ? [.. Directory.EnumerateFiles(d).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)]
            : [])).Value;
        if (names.Length == 0)
        {
            return null;
        }

        if (format.FileExtension is { } own)
        {
            var direct = $"{baseName}.{SafeExtension(own)}";
            if (Array.BinarySearch(names, direct, StringComparer.Ordinal) >= 0)
            {
                return Path.Combine(directory, direct);
            }
        }

        var prefix = $"{baseName}.{SafeExtension(format.Name)}.";
        var index = Array.BinarySearch(names, prefix, StringComparer.Ordinal);
        for (var i = index >= 0 ? index : ~index; i < names.Length && names[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (!names[i].EndsWith(Storage.AtomicFile.TempSuffix, StringComparison.Ordinal))
            {
                return Path.Combine(directory, names[i]);
            }
        }

        return null;
    }

    /// <summary>Finds a finished file of this format under the names <see cref="FileNameFor"/> can give.</summary>
    public static string? FindExisting(string directory, string baseName, ActivityFormat format)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        if (format.FileExtension is { } own)
        {
            var direct = Path.Combine(directory, $"{baseName}.{SafeExtension(own)}");
            if (File.Exists(direct))
            {
                return direct;
            }
        }

        var prefix = $"{baseName}.{SafeExtension(format.Name)}.";
        return Directory.EnumerateFiles(directory)
            .Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal) && !f.EndsWith(Storage.AtomicFile.TempSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private string? SuffixText(ActivitySummary activity) => layout.NameSuffix switch
    {
        BackupNameSuffix.ActivityName => activity.Name,
        BackupNameSuffix.Description => RawString(activity, "description") is { Length: > 0 } description ? description : activity.Name,
        _ => null,
    };

    private static string? RawString(ActivitySummary activity, string property) =>
        activity.Raw is { ValueKind: JsonValueKind.Object } raw && raw.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string SafeExtension(string extension) =>
        string.Join('.', extension.Split('.').Select(p => FileNameSanitizer.Sanitize(p, 20)).Where(p => p.Length > 0));
}
