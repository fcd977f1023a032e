using System.Xml;

namespace FitnessClients.Strava.Tracks;

/// <summary>Writes TCX (TrainingCenterDatabase v2) from Strava streams: one activity, one lap, power in ActivityExtension v2.</summary>
internal static class StravaTcxWriter
{
    private const string Tcx = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
    private const string Ax = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

    public static void Write(Stream output, string? name, string? sport, DateTimeOffset startUtc, double? distance, int? elapsedSeconds, IReadOnlyList<StravaTrackPoint> points)
    {
        using var xml = XmlWriter.Create(output, StravaXml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("TrainingCenterDatabase", Tcx);
        xml.WriteAttributeString("xmlns", "ns3", null, Ax);
        xml.WriteStartElement("Activities", Tcx);
        xml.WriteStartElement("Activity", Tcx);
        xml.WriteAttributeString("Sport", MapSport(sport));
        xml.WriteElementString("Id", Tcx, StravaXml.Time(startUtc));
        xml.WriteStartElement("Lap", Tcx);
        xml.WriteAttributeString("StartTime", StravaXml.Time(startUtc));
        var total = elapsedSeconds ?? (points.Count > 0 ? (int)(points[^1].Time - startUtc).TotalSeconds : 0);
        xml.WriteElementString("TotalTimeSeconds", Tcx, StravaXml.Number(total));
        xml.WriteElementString("DistanceMeters", Tcx, StravaXml.Number(distance ?? points.LastOrDefault(p => p.Distance is not null).Distance ?? 0));
        xml.WriteElementString("Calories", Tcx, "0");
        xml.WriteElementString("Intensity", Tcx, "Active");
        xml.WriteElementString("TriggerMethod", Tcx, "Manual");
        xml.WriteStartElement("Track", Tcx);
        foreach (var point in points)
        {
            xml.WriteStartElement("Trackpoint", Tcx);
            xml.WriteElementString("Time", Tcx, StravaXml.Time(point.Time));
            if (point.Position is { } position)
            {
                xml.WriteStartElement("Position", Tcx);
                xml.WriteElementString("LatitudeDegrees", Tcx, StravaXml.Number(position.Latitude));
                xml.WriteElementString("LongitudeDegrees", Tcx, StravaXml.Number(position.Longitude));
                xml.WriteEndElement();
            }

            if (point.Altitude is { } ele)
            {
                xml.WriteElementString("AltitudeMeters", Tcx, StravaXml.Number(ele));
            }

            if (point.Distance is { } d)
            {
                xml.WriteElementString("DistanceMeters", Tcx, StravaXml.Number(d));
            }

            if (point.HeartRate is { } hr)
            {
                xml.WriteStartElement("HeartRateBpm", Tcx);
                xml.WriteElementString("Value", Tcx, StravaXml.Number(hr));
                xml.WriteEndElement();
            }

            if (point.Cadence is { } cad)
            {
                xml.WriteElementString("Cadence", Tcx, StravaXml.Number(Math.Clamp(cad, 0, 254)));
            }

            if (point.Power is { } watts)
            {
                xml.WriteStartElement("Extensions", Tcx);
                xml.WriteStartElement("ns3", "TPX", Ax);
                xml.WriteElementString("ns3", "Watts", Ax, StravaXml.Number(watts));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        if (!string.IsNullOrEmpty(name))
        {
            xml.WriteElementString("Notes", Tcx, name);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string MapSport(string? sport) => sport switch
    {
        null => "Other",
        _ when sport.Contains("Run", StringComparison.OrdinalIgnoreCase) => "Running",
        _ when sport.Contains("Ride", StringComparison.OrdinalIgnoreCase) || sport.Contains("Bike", StringComparison.OrdinalIgnoreCase) => "Biking",
        _ => "Other",
    };
}
