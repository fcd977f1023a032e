using System.Buffers.Binary;
using System.IO.Compression;

namespace FitnessClients.Testing;

/// <summary>The files the website export returns: a FIT activity (file_id and record messages), GPX 1.1 and TCX.</summary>
internal static class StravaOriginalFiles
{
    private static readonly DateTimeOffset FitEpoch = new(1989, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Original(StravaEmulatedActivity a, StravaTrack track) => a.OriginalFormat switch
    {
        StravaOriginalFormat.Fit => Fit(a, track),
        StravaOriginalFormat.FitGz => Gzip(Fit(a, track)),
        StravaOriginalFormat.Gpx => Gpx(a, track),
        StravaOriginalFormat.Tcx => Tcx(a, track),
        _ => throw new InvalidOperationException("A manual activity has no original file."),
    };

    public static string Extension(StravaOriginalFormat format) => format switch
    {
        StravaOriginalFormat.Fit => ".fit",
        StravaOriginalFormat.FitGz => ".fit.gz",
        StravaOriginalFormat.Gpx => ".gpx",
        StravaOriginalFormat.Tcx => ".tcx",
        _ => string.Empty,
    };

    public static string ContentType(StravaOriginalFormat format) => format switch
    {
        StravaOriginalFormat.FitGz => "application/gzip",
        StravaOriginalFormat.Gpx => "application/gpx+xml",
        StravaOriginalFormat.Tcx => "application/vnd.garmin.tcx+xml",
        _ => "application/octet-stream",
    };

    public static byte[] Fit(StravaEmulatedActivity a, StravaTrack track)
    {
        using var data = new MemoryStream();
        // Definition, local 0 = file_id: type (enum), manufacturer (uint16), time_created (uint32).
        data.Write([0x40, 0, 0, 0, 0, 3, 0, 1, 0x00, 1, 2, 0x84, 4, 4, 0x86]);
        Span<byte> buffer = stackalloc byte[19];
        buffer[0] = 0x00;
        buffer[1] = 4; // activity
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[2..], 1); // garmin
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[4..], FitTime(a.StartUtc));
        data.Write(buffer[..8]);

        // Definition, local 1 = record: timestamp, position_lat, position_long, distance (cm), altitude (scale 5, offset 500), heart_rate.
        data.Write([0x41, 0, 0, 20, 0, 6, 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 5, 4, 0x86, 2, 2, 0x84, 3, 1, 0x02]);
        for (var i = 0; i < track.Count; i++)
        {
            buffer[0] = 0x01;
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[1..], FitTime(a.StartUtc.AddSeconds(track.Time[i])));
            BinaryPrimitives.WriteInt32LittleEndian(buffer[5..], track.HasGps ? Semicircles(track.Latitude[i]) : int.MaxValue);
            BinaryPrimitives.WriteInt32LittleEndian(buffer[9..], track.HasGps ? Semicircles(track.Longitude[i]) : int.MaxValue);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[13..], (uint)Math.Round(track.Distance[i] * 100));
            BinaryPrimitives.WriteUInt16LittleEndian(buffer[17..], track.HasGps ? (ushort)Math.Round((track.Altitude[i] + 500) * 5) : ushort.MaxValue);
            data.Write(buffer);
            data.WriteByte(track.HasHeartRate ? (byte)track.HeartRate[i] : byte.MaxValue);
        }

        var body = data.ToArray();
        var file = new byte[FitFileHeader.Size + body.Length + 2];
        FitFileHeader.Write(file, (uint)body.Length);
        body.CopyTo(file, FitFileHeader.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), FitCrc.Compute(file.AsSpan(0, file.Length - 2)));
        return file;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static byte[] Gpx(StravaEmulatedActivity a, StravaTrack track) => GarminXml.Build(w =>
    {
        const string ns = "http://www.topografix.com/GPX/1/1";
        w.WriteStartElement("gpx", ns);
        w.WriteAttributeString("creator", "StravaGPX");
        w.WriteAttributeString("version", "1.1");
        w.WriteStartElement("metadata", ns);
        w.WriteElementString("time", ns, GarminXml.Time(a.StartUtc.UtcDateTime));
        w.WriteEndElement();
        w.WriteStartElement("trk", ns);
        w.WriteElementString("name", ns, a.Name);
        w.WriteElementString("type", ns, a.SportType.ToLowerInvariant());
        w.WriteStartElement("trkseg", ns);
        for (var i = 0; i < track.Count && track.HasGps; i++)
        {
            w.WriteStartElement("trkpt", ns);
            w.WriteAttributeString("lat", GarminXml.Number(track.Latitude[i]));
            w.WriteAttributeString("lon", GarminXml.Number(track.Longitude[i]));
            w.WriteElementString("ele", ns, GarminXml.Number(track.Altitude[i]));
            w.WriteElementString("time", ns, GarminXml.Time(a.StartUtc.AddSeconds(track.Time[i]).UtcDateTime));
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    });

    public static byte[] Tcx(StravaEmulatedActivity a, StravaTrack track) => GarminXml.Build(w =>
    {
        const string ns = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
        w.WriteStartElement("TrainingCenterDatabase", ns);
        w.WriteStartElement("Activities", ns);
        w.WriteStartElement("Activity", ns);
        w.WriteAttributeString("Sport", a.Type is "Run" ? "Running" : a.Type is "Ride" or "VirtualRide" ? "Biking" : "Other");
        w.WriteElementString("Id", ns, GarminXml.Time(a.StartUtc.UtcDateTime));
        w.WriteStartElement("Lap", ns);
        w.WriteAttributeString("StartTime", GarminXml.Time(a.StartUtc.UtcDateTime));
        w.WriteElementString("TotalTimeSeconds", ns, GarminXml.Number(a.ElapsedTime));
        w.WriteElementString("DistanceMeters", ns, GarminXml.Number(a.Distance));
        w.WriteStartElement("Track", ns);
        for (var i = 0; i < track.Count; i++)
        {
            w.WriteStartElement("Trackpoint", ns);
            w.WriteElementString("Time", ns, GarminXml.Time(a.StartUtc.AddSeconds(track.Time[i]).UtcDateTime));
            if (track.HasGps)
            {
                w.WriteStartElement("Position", ns);
                w.WriteElementString("LatitudeDegrees", ns, GarminXml.Number(track.Latitude[i]));
                w.WriteElementString("LongitudeDegrees", ns, GarminXml.Number(track.Longitude[i]));
                w.WriteEndElement();
                w.WriteElementString("AltitudeMeters", ns, GarminXml.Number(track.Altitude[i]));
            }

            w.WriteElementString("DistanceMeters", ns, GarminXml.Number(track.Distance[i]));
            if (track.HasHeartRate)
            {
                w.WriteStartElement("HeartRateBpm", ns);
                w.WriteElementString("Value", ns, GarminXml.Number(track.HeartRate[i]));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static uint FitTime(DateTimeOffset time) => (uint)(time - FitEpoch).TotalSeconds;

    private static int Semicircles(double degrees) => (int)Math.Round(degrees * (2147483648.0 / 180));
}
