using System.Globalization;
using System.Xml;

namespace FitnessClients.Testing;

/// <summary>Reads a GPX or TCX upload's start, end, name, sport and whether it has positions.</summary>
internal static class GarminXmlFileReader
{
    public static GarminUploadedFileInfo? TryRead(ReadOnlyMemory<byte> file, GarminOriginalFormat format)
    {
        DateTime? first = null, last = null;
        string? name = null, sport = null;
        var hasPosition = false;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        try
        {
            using var stream = new MemoryStream(file.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var inTrack = false;
            var advance = true;
            while (advance ? reader.Read() : !reader.EOF)
            {
                advance = true;
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "trk":
                        inTrack = true;
                        break;
                    case "trkpt":
                        hasPosition = true;
                        break;
                    case "Position":
                        hasPosition = true;
                        break;
                    case "Activity" when reader.GetAttribute("Sport") is { } s:
                        sport = s;
                        break;
                    case "name" when inTrack && name is null:
                    case "Notes" when name is null:
                        name = reader.ReadElementContentAsString();
                        advance = false;
                        break;
                    case "type" when inTrack && sport is null:
                        sport = reader.ReadElementContentAsString();
                        advance = false;
                        break;
                    case "time" or "Time" when inTrack || format == GarminOriginalFormat.Tcx:
                        advance = false;
                        if (DateTime.TryParse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                        {
                            first ??= time;
                            last = time;
                        }

                        break;
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        var typeKey = sport?.ToUpperInvariant() switch
        {
            "RUNNING" => "running",
            "BIKING" or "CYCLING" => "cycling",
            _ when sport is not null && GarminActivityTypes.Find(sport) is { } known && known.MinutesRange.Max > 0 => known.TypeKey,
            _ => "other",
        };
        return new GarminUploadedFileInfo(format, first, first is null || last is null ? null : (last.Value - first.Value).TotalSeconds, null, typeKey, name, hasPosition, null);
    }
}
