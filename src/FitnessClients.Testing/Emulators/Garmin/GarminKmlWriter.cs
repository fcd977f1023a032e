using System.Text;

namespace FitnessClients.Testing;

/// <summary>Writes a KML 2.2 document with the track as a <c>LineString</c> (longitude, latitude, elevation).</summary>
internal static class GarminKmlWriter
{
    private const string Kml = "http://www.opengis.net/kml/2.2";

    public static byte[] Write(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track) =>
        GarminXml.Build(writer =>
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("kml", Kml);
            writer.WriteStartElement("Document", Kml);
            writer.WriteElementString("name", Kml, activity.Name ?? string.Empty);
            writer.WriteStartElement("Placemark", Kml);
            writer.WriteElementString("name", Kml, activity.Name ?? string.Empty);
            writer.WriteStartElement("LineString", Kml);
            writer.WriteElementString("tessellate", Kml, "1");
            var coordinates = new StringBuilder();
            foreach (var p in track.Where(p => p.Latitude is not null))
            {
                coordinates.Append(GarminXml.Number(p.Longitude!.Value)).Append(',')
                    .Append(GarminXml.Number(p.Latitude!.Value)).Append(',')
                    .Append(GarminXml.Number(p.Elevation ?? 0)).Append(' ');
            }

            writer.WriteElementString("coordinates", Kml, coordinates.ToString().TrimEnd());
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
}
