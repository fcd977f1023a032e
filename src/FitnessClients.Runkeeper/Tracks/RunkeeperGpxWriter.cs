using System.Globalization;
using System.Text;
using System.Xml;
using FitnessClients.Runkeeper.Models;

namespace FitnessClients.Runkeeper.Tracks;

/// <summary>
/// Writes GPX 1.1 from an activity's path: one <c>trkseg</c> per stretch between pause and resume, times from the start
/// plus each point's <c>timestamp</c>, heart rate from the nearest <c>heart_rate</c> sample in Garmin's
/// TrackPointExtension v1, and an XML declaration (FitTrackee checks for it).
/// </summary>
internal static class RunkeeperGpxWriter
{
    private const string Gpx = "http://www.topografix.com/GPX/1/1";
    private const string Tpx = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
    private const double HeartRateTolerance = 10;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
    };

    public static bool Write(Stream output, RunkeeperFitnessActivity activity, DateTimeOffset start)
    {
        var segments = RunkeeperTrackSegments.Split(activity.Path);
        if (segments.Sum(s => s.Count) < 2)
        {
            return false;
        }

        // Runkeeper sends altitude 0 when it has none; only a path with some non-zero altitude has real elevations.
        var hasAltitude = segments.Any(s => s.Any(p => p.Altitude is { } a && a != 0 && double.IsFinite(a)));
        var heartRates = (activity.HeartRate ?? [])
            .Where(h => h is { Timestamp: not null, HeartRate: > 0 } && double.IsFinite(h.Timestamp.Value))
            .Select(h => (Time: h!.Timestamp!.Value, Bpm: h.HeartRate!.Value))
            .OrderBy(h => h.Time)
            .ToArray();
        var times = heartRates.Select(h => h.Time).ToArray();
        var utcStart = start.ToUniversalTime();

        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gpx", Gpx);
        xml.WriteAttributeString("version", "1.1");
        xml.WriteAttributeString("creator", "FitnessClients.Runkeeper");
        xml.WriteAttributeString("xmlns", "gpxtpx", null, Tpx);
        xml.WriteStartElement("metadata", Gpx);
        xml.WriteElementString("time", Gpx, Time(utcStart));
        xml.WriteEndElement();
        xml.WriteStartElement("trk", Gpx);
        xml.WriteElementString("name", Gpx, string.Create(CultureInfo.InvariantCulture, $"{activity.Type ?? "Activity"} {start:yyyy-MM-dd HH:mm}"));
        if (!string.IsNullOrEmpty(activity.Type))
        {
            xml.WriteElementString("type", Gpx, activity.Type);
        }

        foreach (var segment in segments)
        {
            xml.WriteStartElement("trkseg", Gpx);
            foreach (var point in segment)
            {
                xml.WriteStartElement("trkpt", Gpx);
                xml.WriteAttributeString("lat", Number(point.Latitude!.Value));
                xml.WriteAttributeString("lon", Number(point.Longitude!.Value));
                if (hasAltitude && point.Altitude is { } altitude && double.IsFinite(altitude))
                {
                    xml.WriteElementString("ele", Gpx, Number(altitude));
                }

                xml.WriteElementString("time", Gpx, Time(utcStart.AddSeconds(point.Timestamp!.Value)));
                if (Nearest(times, point.Timestamp.Value) is { } index)
                {
                    xml.WriteStartElement("extensions", Gpx);
                    xml.WriteStartElement("gpxtpx", "TrackPointExtension", Tpx);
                    xml.WriteElementString("gpxtpx", "hr", Tpx, Math.Round(heartRates[index].Bpm).ToString(CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        return true;
    }

    /// <summary>The index of the sample closest to <paramref name="time"/>, if one lies within the tolerance.</summary>
    private static int? Nearest(double[] times, double time)
    {
        if (times.Length == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(times, time);
        if (index >= 0)
        {
            return index;
        }

        var after = ~index;
        var before = after - 1;
        var best = after >= times.Length || (before >= 0 && time - times[before] <= times[after] - time) ? before : after;
        return Math.Abs(times[best] - time) <= HeartRateTolerance ? best : null;
    }

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString(value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
