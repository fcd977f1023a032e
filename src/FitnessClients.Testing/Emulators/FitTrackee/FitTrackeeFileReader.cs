using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace FitnessClients.Testing;

/// <summary>
/// Reads workout files the way FitTrackee's services do, with their error messages: GPX (first track only, segments of
/// two points or more, a time on the first point of each), TCX (laps and tracks), KML/KMZ (OpenTracks-style
/// <c>gx:MultiTrack</c>) and FIT (as a summary).
/// </summary>
internal static class FitTrackeeFileReader
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>libmagic's verdict as FitTrackee uses it; <see langword="false"/> gives the server's <c>invalid file</c>.</summary>
    public static bool PassesMimeCheck(string extension, ReadOnlySpan<byte> content) => extension switch
    {
        "gpx" or "kml" or "tcx" => StartsWithXmlDeclaration(content),
        "fit" => content.Length >= 12 && content[8] == '.' && content[9] == 'F' && content[10] == 'I' && content[11] == 'T',
        "zip" or "kmz" => IsZip(content),
        _ => false,
    };

    /// <summary>Zip magic numbers as FitTrackee checks them (<c>PK</c> then 3/4, 5/6 or 7/8).</summary>
    public static bool IsZip(ReadOnlySpan<byte> content) =>
        content.Length > 3 && content[0] == 0x50 && content[1] == 0x4B && content[3] is 0x4 or 0x6 or 0x8;

    public static FitTrackeeTrack Read(string extension, ReadOnlyMemory<byte> content) => extension switch
    {
        "gpx" => ReadGpx(content),
        "tcx" => ReadTcx(content),
        "kml" => ReadKml(content, "kml"),
        "kmz" => ReadKmz(content),
        "fit" => ReadFit(content),
        _ => throw new FitTrackeeFileException("error", "workout file invalid extension"),
    };

    private static bool StartsWithXmlDeclaration(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        return content.StartsWith("<?xml"u8);
    }

    private static XDocument? Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static IEnumerable<XElement> Children(XElement parent, string localName) => parent.Elements().Where(e => e.Name.LocalName == localName);

    private static XElement? Child(XElement parent, string localName) => Children(parent, localName).FirstOrDefault();

    private static FitTrackeeTrack ReadGpx(ReadOnlyMemory<byte> content)
    {
        const string parseError = "error when parsing gpx file";
        var document = Parse(content);
        if (document?.Root is not { } root || root.Name.LocalName != "gpx")
        {
            throw new FitTrackeeFileException("error", parseError);
        }

        var track = Child(root, "trk") ?? throw new FitTrackeeFileException("error", "no tracks in gpx file");
        var segments = new List<IReadOnlyList<FitTrackeeTrackPoint>>();
        foreach (var segment in Children(track, "trkseg"))
        {
            var points = new List<FitTrackeeTrackPoint>();
            foreach (var point in Children(segment, "trkpt"))
            {
                if (!TryDouble(point.Attribute("lat")?.Value, out var lat) || !TryDouble(point.Attribute("lon")?.Value, out var lon))
                {
                    throw new FitTrackeeFileException("error", parseError);
                }

                DateTimeOffset? time = null;
                if (Child(point, "time") is { } timeElement)
                {
                    time = TryTime(timeElement.Value) ?? throw new FitTrackeeFileException("error", parseError);
                }

                double? elevation = TryDouble(Child(point, "ele")?.Value, out var ele) ? ele : null;
                var extensions = Child(point, "extensions")?.Descendants().ToList() ?? [];
                points.Add(new FitTrackeeTrackPoint(lat, lon, elevation, time, Extension(extensions, "hr"), Extension(extensions, "cad"), Extension(extensions, "power")));
            }

            segments.Add(points);
        }

        int? calories = null;
        if (Child(track, "extensions") is { } trackExtensions &&
            trackExtensions.Descendants().FirstOrDefault(e => e.Name.LocalName.EndsWith("Calories", StringComparison.Ordinal)) is { } caloriesElement &&
            TryDouble(caloriesElement.Value, out var kcal))
        {
            calories = (int)kcal;
        }

        var result = new FitTrackeeTrack
        {
            Segments = segments,
            Name = NullIfEmpty(Child(track, "name")?.Value),
            Description = NullIfEmpty(Child(track, "desc")?.Value),
            Creator = root.Attribute("creator")?.Value,
            Calories = calories,
        };
        CheckTimes(result, "gpx file");
        return result;
    }

    private static FitTrackeeTrack ReadTcx(ReadOnlyMemory<byte> content)
    {
        var document = Parse(content);
        if (document?.Root is not { } root)
        {
            throw new FitTrackeeFileException("error", "error when parsing tcx file");
        }

        var activity = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Activity")
            ?? throw new FitTrackeeFileException("error", "no activities in tcx file");
        var segments = new List<IReadOnlyList<FitTrackeeTrackPoint>>();
        foreach (var trackElement in Children(activity, "Lap").SelectMany(lap => Children(lap, "Track")))
        {
            var points = new List<FitTrackeeTrackPoint>();
            foreach (var point in Children(trackElement, "Trackpoint"))
            {
                if (Child(point, "Position") is not { } position ||
                    !TryDouble(Child(position, "LatitudeDegrees")?.Value, out var lat) || !TryDouble(Child(position, "LongitudeDegrees")?.Value, out var lon))
                {
                    continue;
                }

                double? elevation = TryDouble(Child(point, "AltitudeMeters")?.Value, out var ele) ? ele : null;
                int? hr = Child(point, "HeartRateBpm") is { } bpm && TryDouble(Child(bpm, "Value")?.Value, out var h) ? (int)h : null;
                int? cadence = TryDouble(Child(point, "Cadence")?.Value, out var c) ? (int)c : null;
                points.Add(new FitTrackeeTrackPoint(lat, lon, elevation, TryTime(Child(point, "Time")?.Value ?? string.Empty), hr, cadence));
            }

            segments.Add(points);
        }

        if (segments.Count == 0)
        {
            throw new FitTrackeeFileException("error", "no laps or no tracks in tcx file");
        }

        if (segments.All(s => s.Count == 0))
        {
            throw new FitTrackeeFileException("error", "no coordinates in tcx file");
        }

        var result = new FitTrackeeTrack { Segments = segments, Creator = Child(activity, "Creator") is { } creator ? NullIfEmpty(Child(creator, "Name")?.Value) : null };
        CheckTimes(result, "tcx file");
        return result;
    }

    private static FitTrackeeTrack ReadKml(ReadOnlyMemory<byte> content, string kind)
    {
        var document = Parse(content);
        if (document?.Root is not { } root || root.Name.LocalName != "kml")
        {
            throw new FitTrackeeFileException("error", $"error when parsing {kind} file");
        }

        var placemark = Child(root, "Document") is { } documentElement ? Child(documentElement, "Placemark") : null;
        if (placemark is null)
        {
            throw new FitTrackeeFileException("error", "unsupported kml file");
        }

        var tracks = Children(placemark, "MultiTrack").SelectMany(m => Children(m, "Track")).ToList();
        if (tracks.Count == 0)
        {
            throw new FitTrackeeFileException("error", "no tracks in kml file");
        }

        var segments = new List<IReadOnlyList<FitTrackeeTrackPoint>>();
        foreach (var kmlTrack in tracks)
        {
            var times = Children(kmlTrack, "when").Select(w => TryTime(w.Value)).ToList();
            var coordinates = Children(kmlTrack, "coord").Select(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var points = new List<FitTrackeeTrackPoint>();
            for (var i = 0; i < coordinates.Count; i++)
            {
                var parts = coordinates[i];
                if (parts.Length == 0)
                {
                    continue; // OpenTracks writes an empty <gx:coord/> before the first fix
                }

                if (parts.Length < 2 || !TryDouble(parts[0], out var lon) || !TryDouble(parts[1], out var lat))
                {
                    throw new FitTrackeeFileException("error", $"error when parsing {kind} file");
                }

                double? elevation = parts.Length > 2 && TryDouble(parts[2], out var ele) ? ele : null;
                points.Add(new FitTrackeeTrackPoint(lat, lon, elevation, i < times.Count ? times[i] : null));
            }

            segments.Add(points);
        }

        var result = new FitTrackeeTrack
        {
            Segments = segments,
            Name = NullIfEmpty(Child(placemark, "name")?.Value),
            Description = NullIfEmpty(Child(placemark, "description")?.Value),
        };
        CheckTimes(result, $"{kind} file");
        return result;
    }

    private static FitTrackeeTrack ReadKmz(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var entry = archive.Entries.FirstOrDefault(e => e.FullName.EndsWith(".kml", StringComparison.OrdinalIgnoreCase))
                ?? throw new FitTrackeeFileException("error", "error when parsing kmz file");
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return ReadKml(copy.ToArray(), "kmz");
        }
        catch (InvalidDataException)
        {
            throw new FitTrackeeFileException("error", "error when parsing kmz file");
        }
    }

    private static FitTrackeeTrack ReadFit(ReadOnlyMemory<byte> content)
    {
        var info = GarminFitReader.TryRead(content.Span);
        if (info?.StartUtc is not { } start)
        {
            throw new FitTrackeeFileException("error", "error when parsing fit file");
        }

        if (!info.HasPosition)
        {
            throw new FitTrackeeFileException("error", "no valid segments with GPS found in fit file");
        }

        var startUtc = new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc));
        return new FitTrackeeTrack
        {
            Segments = [],
            Summary = (startUtc, TimeSpan.FromSeconds(info.ElapsedSeconds ?? 0), info.Distance),
        };
    }

    /// <summary>FitTrackee's checks: a segment of two points, a time on its first point (and on each valid segment's).</summary>
    private static void CheckTimes(FitTrackeeTrack track, string what)
    {
        var valid = track.ValidSegments.ToList();
        if (valid.Count == 0)
        {
            throw new FitTrackeeFileException("error", "no valid segments in file");
        }

        if (valid[0][0].Time is null)
        {
            throw new FitTrackeeFileException("error", $"<time> is missing in {what}");
        }

        if (valid.Any(s => s[0].Time is null))
        {
            throw new FitTrackeeFileException("error", "<time> is missing in segment");
        }
    }

    private static int? Extension(List<XElement> elements, string suffix) =>
        elements.FirstOrDefault(e => e.Name.LocalName.EndsWith(suffix, StringComparison.Ordinal) && !e.HasElements) is { } element && TryDouble(element.Value, out var value)
            ? (int)value
            : null;

    private static bool TryDouble(string? text, out double value) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static DateTimeOffset? TryTime(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
