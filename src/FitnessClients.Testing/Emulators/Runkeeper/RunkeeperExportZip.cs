using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace FitnessClients.Testing;

/// <summary>
/// Writes a synthetic Runkeeper data export, shaped like the ZIP runkeeper.com/exportData gives: <c>cardioActivities.csv</c>
/// (newest first, units per account setting, quoted notes), one GPX per GPS activity named after its local start
/// (<c>2016-06-25-201723.gpx</c>: UTC times, a <c>trkseg</c> per pause/resume, <c>gpxtpx:hr</c> when recorded) and
/// <c>measurements.csv</c>. Deterministic: the same activities give the same bytes.
/// </summary>
/// <example>
/// <code>
/// RunkeeperExportZip.WriteFile("demo-export.zip", new RunkeeperEmulatorOptions { ActivityCount = 20 });
/// var source = new RunkeeperExportSource("demo-export.zip");
/// </code>
/// </example>
public static class RunkeeperExportZip
{
    private const string Gpx = "http://www.topografix.com/GPX/1/1";
    private const string Tpx = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the export of the activities <paramref name="options"/> seed (the same as a <see cref="RunkeeperEmulator"/> with those options serves).</summary>
    /// <param name="output">Where the ZIP goes; left open.</param>
    /// <param name="options">The seeding; the defaults when omitted.</param>
    /// <param name="imperialUnits">Miles and feet columns instead of kilometres and metres.</param>
    public static void Write(Stream output, RunkeeperEmulatorOptions? options = null, bool imperialUnits = false)
    {
        options ??= new RunkeeperEmulatorOptions();
        Write(output, RunkeeperActivityGenerator.Generate(options), options.PathIntervalSeconds, imperialUnits);
    }

    /// <summary>Writes the export to a file (replacing it).</summary>
    /// <param name="path">The ZIP file.</param>
    /// <param name="options">The seeding; the defaults when omitted.</param>
    /// <param name="imperialUnits">Miles and feet columns instead of kilometres and metres.</param>
    public static void WriteFile(string path, RunkeeperEmulatorOptions? options = null, bool imperialUnits = false)
    {
        using var file = File.Create(path);
        Write(file, options, imperialUnits);
    }

    /// <summary>Writes the export of the given activities.</summary>
    /// <param name="output">Where the ZIP goes; left open.</param>
    /// <param name="activities">The activities (any order; the CSV lists them newest first).</param>
    /// <param name="pathIntervalSeconds">Seconds between generated path points.</param>
    /// <param name="imperialUnits">Miles and feet columns instead of kilometres and metres.</param>
    public static void Write(Stream output, IEnumerable<RunkeeperEmulatedActivity> activities, int pathIntervalSeconds = 10, bool imperialUnits = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(activities);
        var ordered = activities.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id).ToList();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var csv = new StringBuilder();
        csv.Append(imperialUnits
            ? "Activity Id,Date,Type,Route Name,Distance (mi),Duration,Average Pace,Average Speed (mph),Calories Burned,Climb (ft),Average Heart Rate (bpm),Friend's Tagged,Notes,GPX File"
            : "Activity Id,Date,Type,Route Name,Distance (km),Duration,Average Pace,Average Speed (km/h),Calories Burned,Climb (m),Average Heart Rate (bpm),Friend's Tagged,Notes,GPX File").Append('\n');
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in ordered)
        {
            var points = RunkeeperTrack.Points(activity, pathIntervalSeconds);
            string? gpxName = null;
            if (points.Count >= 2)
            {
                gpxName = activity.StartLocal.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture);
                var unique = gpxName + ".gpx";
                for (var n = 1; !names.Add(unique); n++)
                {
                    unique = string.Create(CultureInfo.InvariantCulture, $"{gpxName}-{n}.gpx");
                }

                gpxName = unique;
                AddEntry(zip, gpxName, GpxBytes(activity, points));
            }

            var unit = imperialUnits ? 1609.344 : 1000;
            var distance = activity.Distance / unit;
            var pace = distance > 0 ? TimeSpan.FromSeconds(Math.Round(activity.Duration / distance)) : (TimeSpan?)null;
            var speed = activity.Duration > 0 ? distance / (activity.Duration / 3600) : 0;
            var heartRate = activity.HasHeartRate ? RunkeeperTrack.HeartRate(points).Average(s => s.HeartRate) : (double?)null;
            string[] fields =
            [
                activity.ExportId.ToString(),
                activity.StartLocal.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                activity.Type,
                string.Empty,
                distance.ToString("0.00", CultureInfo.InvariantCulture),
                Clock(TimeSpan.FromSeconds(Math.Round(activity.Duration))),
                pace is { } p ? Clock(p) : string.Empty,
                speed.ToString("0.00", CultureInfo.InvariantCulture),
                activity.Calories.ToString("0", CultureInfo.InvariantCulture),
                (imperialUnits ? activity.Climb / 0.3048 : activity.Climb).ToString("0", CultureInfo.InvariantCulture),
                heartRate is { } hr ? hr.ToString("0", CultureInfo.InvariantCulture) : string.Empty,
                string.Empty,
                activity.Notes ?? string.Empty,
                gpxName ?? string.Empty,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }

        AddEntry(zip, "cardioActivities.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        AddEntry(zip, "measurements.csv", Encoding.UTF8.GetBytes("Date,Weight\n"));
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private static byte[] GpxBytes(RunkeeperEmulatedActivity activity, IReadOnlyList<RunkeeperTrackPoint> points)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("gpx", Gpx);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("creator", "Runkeeper - http://www.runkeeper.com");
            xml.WriteAttributeString("xmlns", "gpxtpx", null, Tpx);
            xml.WriteStartElement("trk", Gpx);
            xml.WriteStartElement("name", Gpx);
            var local = activity.StartLocal;
            xml.WriteCData(string.Create(CultureInfo.InvariantCulture, $"{activity.Type} {local:M/d/yy} {local:h:mm} {(local.Hour < 12 ? "am" : "pm")}"));
            xml.WriteEndElement();
            xml.WriteElementString("time", Gpx, Utc(activity.StartUtc));
            var open = false;
            foreach (var point in points)
            {
                if (!open)
                {
                    xml.WriteStartElement("trkseg", Gpx);
                    open = true;
                }

                xml.WriteStartElement("trkpt", Gpx);
                xml.WriteAttributeString("lat", point.Latitude.ToString("0.000000", CultureInfo.InvariantCulture));
                xml.WriteAttributeString("lon", point.Longitude.ToString("0.000000", CultureInfo.InvariantCulture));
                xml.WriteElementString("ele", Gpx, point.Altitude.ToString("0.0", CultureInfo.InvariantCulture));
                xml.WriteElementString("time", Gpx, Utc(activity.StartUtc.AddSeconds(point.Timestamp)));
                if (point.HeartRate is { } bpm)
                {
                    xml.WriteStartElement("extensions", Gpx);
                    xml.WriteStartElement("gpxtpx", "TrackPointExtension", Tpx);
                    xml.WriteElementString("gpxtpx", "hr", Tpx, bpm.ToString(CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                if (point.Type == "pause")
                {
                    xml.WriteEndElement();
                    open = false;
                }
            }

            if (open)
            {
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Clock(TimeSpan value) => value.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}:{value.Minutes:00}:{value.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}:{value.Seconds:00}");

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
