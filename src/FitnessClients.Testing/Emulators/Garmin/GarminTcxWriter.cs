using System.Globalization;
using System.Xml;

namespace FitnessClients.Testing;

/// <summary>Writes a TCX (Training Center Database v2) activity from the synthetic recording: one <c>Lap</c> per lap with its trackpoints.</summary>
internal static class GarminTcxWriter
{
    private const string Tcx = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";

    public static byte[] Write(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track, IReadOnlyList<GarminLap> laps) =>
        GarminXml.Build(writer =>
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("TrainingCenterDatabase", Tcx);
            writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            writer.WriteAttributeString("xsi", "schemaLocation", null, "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd");
            writer.WriteStartElement("Activities", Tcx);
            writer.WriteStartElement("Activity", Tcx);
            writer.WriteAttributeString("Sport", Sport(activity));
            writer.WriteElementString("Id", Tcx, GarminXml.Time(activity.StartUtc.UtcDateTime));
            for (var i = 0; i < laps.Count; i++)
            {
                var lap = laps[i];
                var next = i + 1 < laps.Count ? laps[i + 1].StartUtc : DateTime.MaxValue;
                WriteLap(writer, lap, track.Where(p => p.Time >= lap.StartUtc && p.Time < next));
            }

            if (activity.Name is not null)
            {
                writer.WriteElementString("Notes", Tcx, activity.Name);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement("Author", Tcx);
            writer.WriteAttributeString("xsi", "type", null, "Application_t");
            writer.WriteElementString("Name", Tcx, "Connect Api");
            writer.WriteStartElement("Build", Tcx);
            writer.WriteStartElement("Version", Tcx);
            writer.WriteElementString("VersionMajor", Tcx, "0");
            writer.WriteElementString("VersionMinor", Tcx, "0");
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteElementString("LangID", Tcx, "en");
            writer.WriteElementString("PartNumber", Tcx, "006-D2449-00");
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    private static string Sport(GarminEmulatedActivity activity)
    {
        var type = GarminActivityTypes.Find(activity.TypeKey);
        return type?.Family switch
        {
            GarminActivityFamily.Foot when type.TypeId == 1 || type.ParentTypeId == 1 => "Running",
            GarminActivityFamily.Bike => "Biking",
            _ => "Other",
        };
    }

    private static void WriteLap(XmlWriter writer, GarminLap lap, IEnumerable<GarminTrackPoint> points)
    {
        writer.WriteStartElement("Lap", Tcx);
        writer.WriteAttributeString("StartTime", GarminXml.Time(lap.StartUtc));
        writer.WriteElementString("TotalTimeSeconds", Tcx, GarminXml.Number(lap.Duration));
        writer.WriteElementString("DistanceMeters", Tcx, GarminXml.Number(lap.Distance));
        writer.WriteElementString("Calories", Tcx, ((int)lap.Calories).ToString(CultureInfo.InvariantCulture));
        if (lap.AverageHeartRate is { } average)
        {
            writer.WriteStartElement("AverageHeartRateBpm", Tcx);
            writer.WriteElementString("Value", Tcx, ((int)average).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
            writer.WriteStartElement("MaximumHeartRateBpm", Tcx);
            writer.WriteElementString("Value", Tcx, ((int)lap.MaxHeartRate!.Value).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }

        writer.WriteElementString("Intensity", Tcx, "Active");
        writer.WriteElementString("TriggerMethod", Tcx, "Manual");
        writer.WriteStartElement("Track", Tcx);
        foreach (var point in points)
        {
            writer.WriteStartElement("Trackpoint", Tcx);
            writer.WriteElementString("Time", Tcx, GarminXml.Time(point.Time));
            if (point.Latitude is { } lat && point.Longitude is { } lon)
            {
                writer.WriteStartElement("Position", Tcx);
                writer.WriteElementString("LatitudeDegrees", Tcx, GarminXml.Number(lat));
                writer.WriteElementString("LongitudeDegrees", Tcx, GarminXml.Number(lon));
                writer.WriteEndElement();
            }

            if (point.Elevation is { } elevation)
            {
                writer.WriteElementString("AltitudeMeters", Tcx, GarminXml.Number(elevation));
            }

            writer.WriteElementString("DistanceMeters", Tcx, GarminXml.Number(point.Distance));
            if (point.HeartRate is { } hr)
            {
                writer.WriteStartElement("HeartRateBpm", Tcx);
                writer.WriteElementString("Value", Tcx, hr.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
