using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.Runkeeper.Models;

namespace FitnessClients.Runkeeper.Export;

/// <summary>
/// Reads a Runkeeper data export: finds <c>cardioActivities.csv</c> (or the old <c>cardio_activities.csv</c>) at any
/// depth, resolves each row's GPX file next to it, and turns rows into summaries. Entries whose names are not plain
/// relative paths (<c>../x</c>, <c>/etc/x</c>, <c>C:\x</c>) are never used.
/// </summary>
internal static class RunkeeperExportArchive
{
    private static readonly string[] CsvNames = ["cardioActivities.csv", "cardio_activities.csv"];

    public static List<RunkeeperExportEntry> Load(string zipPath, RunkeeperExportOptions options)
    {
        using var archive = Open(zipPath);
        var safe = new List<(string Name, ZipArchiveEntry Entry)>();
        foreach (var entry in archive.Entries)
        {
            if (ZipEntryPath.TryNormalize(entry.FullName, out var name) && !entry.FullName.EndsWith('/'))
            {
                safe.Add((name, entry));
            }
        }

        var csv = safe
            .Where(e => CsvNames.Contains(ZipEntryPath.FileName(e.Name), StringComparer.OrdinalIgnoreCase))
            .OrderBy(e => e.Name.Count(c => c == '/'))
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (csv.Entry is null)
        {
            throw new InvalidDataException($"{Path.GetFileName(zipPath)} is not a Runkeeper data export: it has no cardioActivities.csv.");
        }

        List<RunkeeperExportRow> rows;
        using (var stream = new MemoryStream(ReadBounded(csv.Entry, options.MaxEntryBytes)))
        {
            rows = RunkeeperCsvReader.Read(stream, csv.Name);
        }

        var exact = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var folded = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, entry) in safe)
        {
            exact.TryAdd(name, entry);
            folded.TryAdd(name, entry);
        }

        var folder = ZipEntryPath.Folder(csv.Name);
        var result = new List<RunkeeperExportEntry>(rows.Count);
        foreach (var row in rows)
        {
            ZipArchiveEntry? gpx = null;
            string? reason = null;
            if (row.GpxFile is null)
            {
                reason = "no GPX file: the activity was entered by hand";
            }
            else if (!ZipEntryPath.TryNormalize(row.GpxFile, out var relative))
            {
                reason = "the GPX File value is not a plain file name inside the export; it was not followed";
            }
            else
            {
                gpx = Lookup(exact, folded, folder + relative) ?? Lookup(exact, folded, relative);
                reason = gpx is null ? $"the export has no file {relative}" : null;
            }

            DateTimeOffset? gpxStart = null;
            if (gpx is not null)
            {
                if (gpx.Length > options.MaxEntryBytes)
                {
                    reason = $"the GPX file is larger than {options.MaxEntryBytes} bytes";
                    gpx = null;
                }
                else
                {
                    using var stream = gpx.Open();
                    gpxStart = GpxStartReader.ReadFirstTime(stream);
                }
            }

            result.Add(new RunkeeperExportEntry(ToSummary(row, gpxStart, gpx is not null, reason, options.AssumedTimeZone), gpx?.FullName, reason));
        }

        return [.. result.OrderByDescending(e => e.Summary.StartTime).ThenBy(e => e.Summary.Id, StringComparer.Ordinal)];
    }

    /// <summary>The bytes of one entry, as stored (decompressed), refusing more than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadEntry(string zipPath, string entryName, long maxBytes)
    {
        using var archive = Open(zipPath);
        var entry = archive.GetEntry(entryName) ?? throw new InvalidDataException($"The export no longer has {entryName}; was the ZIP replaced?");
        return ReadBounded(entry, maxBytes);
    }

    private static ZipArchive Open(string zipPath)
    {
        try
        {
            return ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(zipPath)} is not a readable ZIP file: {ex.Message}", ex);
        }
    }

    private static ZipArchiveEntry? Lookup(Dictionary<string, ZipArchiveEntry> exact, Dictionary<string, ZipArchiveEntry> folded, string name) =>
        exact.GetValueOrDefault(name) ?? folded.GetValueOrDefault(name);

    private static byte[] ReadBounded(ZipArchiveEntry entry, long maxBytes)
    {
        if (entry.Length > maxBytes)
        {
            throw new InvalidDataException($"{entry.FullName} is {entry.Length} bytes uncompressed, more than the limit of {maxBytes}.");
        }

        using var input = entry.Open();
        using var buffer = new MemoryStream(entry.Length > 0 && entry.Length < int.MaxValue ? (int)entry.Length : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException($"{entry.FullName} expands to more than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ActivitySummary ToSummary(RunkeeperExportRow row, DateTimeOffset? gpxStartUtc, bool hasGpx, string? gpxReason, TimeZoneInfo? assumed)
    {
        DateTimeOffset start;
        string source;
        if (gpxStartUtc is { } utc && RunkeeperStartTime.TryOffset(Math.Round((row.LocalDate - utc.UtcDateTime).TotalMinutes / 15) / 4, out var offset))
        {
            start = new DateTimeOffset(row.LocalDate, offset);
            source = "gpx";
        }
        else if (assumed is not null)
        {
            start = new DateTimeOffset(row.LocalDate, assumed.GetUtcOffset(row.LocalDate));
            source = "assumed_time_zone";
        }
        else
        {
            start = new DateTimeOffset(row.LocalDate, TimeSpan.Zero);
            source = "local_time_only";
        }

        return new ActivitySummary
        {
            Service = "runkeeper",
            Id = row.Id,
            Name = row.RouteName ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{row.Type ?? "Activity"} {row.LocalDate:yyyy-MM-dd HH:mm}"),
            StartTime = start,
            Sport = row.Type,
            DistanceMeters = row.DistanceMeters,
            ElapsedTime = row.Duration,
            HasGpsTrack = hasGpx,
            Raw = SummaryJson(row, start, source, hasGpx, gpxReason),
        };
    }

    private static JsonElement SummaryJson(RunkeeperExportRow row, DateTimeOffset start, string startSource, bool hasGpx, string? gpxReason)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("activity_id", row.Id);
            json.WriteString("date", row.LocalDate.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("start_time", start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("start_time_source", startSource);
            if (startSource != "local_time_only")
            {
                json.WriteNumber("utc_offset", start.Offset.TotalHours);
            }

            String(json, "type", row.Type);
            String(json, "route_name", row.RouteName);
            Number(json, "distance_meters", row.DistanceMeters);
            Number(json, "duration_seconds", row.Duration?.TotalSeconds);
            String(json, "average_pace", row.AveragePace);
            Number(json, "average_speed_kmh", row.AverageSpeedKmh);
            Number(json, "calories", row.Calories);
            Number(json, "climb_meters", row.ClimbMeters);
            Number(json, "average_heart_rate", row.AverageHeartRate);
            String(json, "notes", row.Notes);
            String(json, "gpx_file", row.GpxFile);
            json.WriteBoolean("has_gpx", hasGpx);
            String(json, "gpx_unavailable_reason", gpxReason);
            json.WriteStartObject("csv");
            foreach (var (header, value) in row.Columns)
            {
                json.WriteString(header, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, Math.Round(number, 3));
        }
    }
}
