using System.Globalization;
using System.Text;
using System.Xml;

namespace FitnessClients.Testing;

/// <summary>Writes GPX 1.1 with an XML declaration and <c>gpxtpx</c> heart rate: the synthetic originals, and what <c>/gpx/download</c> generates for non-GPX files.</summary>
internal static class FitTrackeeGpxWriter
{
    private const string GpxNamespace = "http://www.topografix.com/GPX/1/1";
    private const string TpxNamespace = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

    public static byte[] Write(string creator, string? name, string? description, IEnumerable<IReadOnlyList<FitTrackeeTrackPoint>> segments)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("gpx", GpxNamespace);
            writer.WriteAttributeString("xmlns", "gpxtpx", null, TpxNamespace);
            writer.WriteAttributeString("version", "1.1");
            writer.WriteAttributeString("creator", creator);
            writer.WriteStartElement("trk", GpxNamespace);
            if (name is not null)
            {
                writer.WriteElementString("name", GpxNamespace, name);
            }

            if (description is not null)
            {
                writer.WriteElementString("desc", GpxNamespace, description);
            }

            foreach (var segment in segments)
            {
                writer.WriteStartElement("trkseg", GpxNamespace);
                foreach (var point in segment)
                {
                    WritePoint(writer, point);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WritePoint(XmlWriter writer, FitTrackeeTrackPoint point)
    {
        writer.WriteStartElement("trkpt", GpxNamespace);
        writer.WriteAttributeString("lat", point.Latitude.ToString("0.0######", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("lon", point.Longitude.ToString("0.0######", CultureInfo.InvariantCulture));
        if (point.Elevation is { } elevation)
        {
            writer.WriteElementString("ele", GpxNamespace, elevation.ToString("0.0#", CultureInfo.InvariantCulture));
        }

        if (point.Time is { } time)
        {
            writer.WriteElementString("time", GpxNamespace, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (point.HeartRate is { } hr)
        {
            writer.WriteStartElement("extensions", GpxNamespace);
            writer.WriteStartElement("TrackPointExtension", TpxNamespace);
            writer.WriteElementString("hr", TpxNamespace, hr.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
