using System.Xml;

namespace FitnessClients.Strava.Tracks;

/// <summary>Writes GPX 1.1 from Strava streams: one track, one segment, sensor data in Garmin's TrackPointExtension v1.</summary>
internal static class StravaGpxWriter
{
    private const string Gpx = "http://www.topografix.com/GPX/1/1";
    private const string Tpx = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

    // GPX 1.1 only allows elements of other namespaces inside <extensions>, and TrackPointExtension has no power, so
    // power goes into Garmin's PowerExtension v1 rather than a <power> in the GPX namespace (schema-invalid).
    private const string Pwr = "http://www.garmin.com/xmlschemas/PowerExtension/v1";

    public static void Write(Stream output, string? name, string? type, DateTimeOffset startUtc, IReadOnlyList<StravaTrackPoint> points)
    {
        using var xml = XmlWriter.Create(output, StravaXml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gpx", Gpx);
        xml.WriteAttributeString("version", "1.1");
        xml.WriteAttributeString("creator", "FitnessClients.Strava");
        xml.WriteAttributeString("xmlns", "gpxtpx", null, Tpx);
        xml.WriteAttributeString("xmlns", "gpxpx", null, Pwr);
        xml.WriteStartElement("metadata", Gpx);
        xml.WriteElementString("time", Gpx, StravaXml.Time(startUtc));
        xml.WriteEndElement();
        xml.WriteStartElement("trk", Gpx);
        if (!string.IsNullOrEmpty(name))
        {
            xml.WriteElementString("name", Gpx, name);
        }

        if (!string.IsNullOrEmpty(type))
        {
            xml.WriteElementString("type", Gpx, type);
        }

        xml.WriteStartElement("trkseg", Gpx);
        foreach (var point in points)
        {
            if (point.Position is not { } position)
            {
                continue;
            }

            xml.WriteStartElement("trkpt", Gpx);
            xml.WriteAttributeString("lat", StravaXml.Number(position.Latitude));
            xml.WriteAttributeString("lon", StravaXml.Number(position.Longitude));
            if (point.Altitude is { } ele)
            {
                xml.WriteElementString("ele", Gpx, StravaXml.Number(ele));
            }

            xml.WriteElementString("time", Gpx, StravaXml.Time(point.Time));
            if (point.HeartRate is not null || point.Cadence is not null || point.Power is not null || point.Temperature is not null)
            {
                xml.WriteStartElement("extensions", Gpx);
                xml.WriteStartElement("gpxtpx", "TrackPointExtension", Tpx);
                if (point.Temperature is { } temp)
                {
                    xml.WriteElementString("gpxtpx", "atemp", Tpx, StravaXml.Number(temp));
                }

                if (point.HeartRate is { } hr)
                {
                    xml.WriteElementString("gpxtpx", "hr", Tpx, StravaXml.Number(hr));
                }

                if (point.Cadence is { } cad)
                {
                    xml.WriteElementString("gpxtpx", "cad", Tpx, StravaXml.Number(cad));
                }

                xml.WriteEndElement();
                if (point.Power is { } power)
                {
                    xml.WriteElementString("gpxpx", "PowerInWatts", Pwr, StravaXml.Number(power));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
