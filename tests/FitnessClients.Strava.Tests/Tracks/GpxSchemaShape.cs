using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace FitnessClients.Strava.Tests.Tracks;

/// <summary>
/// Checks a GPX document against the shape of the GPX 1.1 schema (topografix.com/GPX/1/1/gpx.xsd) without downloading it:
/// declaration, namespace and attributes of the root, element order of gpx, trk and wpt types, coordinate ranges,
/// foreign-namespace extensions, and strictly ascending track point times. Returns the problems found.
/// </summary>
internal static class GpxSchemaShape
{
    public static readonly XNamespace Gpx = "http://www.topografix.com/GPX/1/1";
    public static readonly XNamespace Tpx = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

    private static readonly string[] GpxOrder = ["metadata", "wpt", "rte", "trk", "extensions"];
    private static readonly string[] MetadataOrder = ["name", "desc", "author", "copyright", "link", "time", "keywords", "bounds", "extensions"];
    private static readonly string[] TrkOrder = ["name", "cmt", "desc", "src", "link", "number", "type", "extensions", "trkseg"];
    private static readonly string[] WptOrder =
    [
        "ele", "time", "magvar", "geoidheight", "name", "cmt", "desc", "src", "link", "sym", "type", "fix", "sat", "hdop", "vdop", "pdop",
        "ageofdgpsdata", "dgpsid", "extensions",
    ];

    // TrackPointExtension v1: all optional, in this order.
    private static readonly string[] TpxOrder = ["atemp", "wtemp", "depth", "hr", "cad", "Extensions"];

    public static List<string> Check(string text)
    {
        var problems = new List<string>();
        if (!text.StartsWith("<?xml ", StringComparison.Ordinal))
        {
            problems.Add("no XML declaration at the very start");
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (XmlException ex)
        {
            problems.Add("not well-formed: " + ex.Message);
            return problems;
        }

        if (document.Declaration is not { Version: "1.0" })
        {
            problems.Add("the declaration is missing or not version 1.0");
        }

        var root = document.Root!;
        if (root.Name != Gpx + "gpx")
        {
            problems.Add($"root is {root.Name}, not gpx in {Gpx}");
            return problems;
        }

        if ((string?)root.Attribute("version") != "1.1")
        {
            problems.Add("gpx/@version is not 1.1");
        }

        if (string.IsNullOrWhiteSpace((string?)root.Attribute("creator")))
        {
            problems.Add("gpx/@creator is missing (required by the schema)");
        }

        CheckOrder(root, GpxOrder, "gpx", problems);
        if (root.Element(Gpx + "metadata") is { } metadata)
        {
            CheckOrder(metadata, MetadataOrder, "metadata", problems);
            CheckTime(metadata.Element(Gpx + "time"), "metadata/time", problems);
        }

        var tracks = root.Elements(Gpx + "trk").ToList();
        if (tracks.Count != 1)
        {
            problems.Add($"{tracks.Count} trk elements, expected one");
        }

        foreach (var trk in tracks)
        {
            CheckOrder(trk, TrkOrder, "trk", problems);
            var segments = trk.Elements(Gpx + "trkseg").ToList();
            if (segments.Count != 1)
            {
                problems.Add($"{segments.Count} trkseg elements, expected one");
            }

            DateTimeOffset? previous = null;
            var index = 0;
            foreach (var point in segments.SelectMany(s => s.Elements()))
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"trkpt[{index++}]");
                if (point.Name != Gpx + "trkpt")
                {
                    problems.Add($"{where}: {point.Name} inside trkseg");
                    continue;
                }

                CheckCoordinate(point, "lat", -90, 90, where, problems);
                CheckCoordinate(point, "lon", -180, 180, where, problems);
                CheckOrder(point, WptOrder, where, problems);
                if (point.Element(Gpx + "ele") is { } ele && !double.TryParse(ele.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{where}/ele '{ele.Value}' is not a decimal");
                }

                var time = CheckTime(point.Element(Gpx + "time"), where + "/time", problems);
                if (time is null)
                {
                    problems.Add($"{where} has no time");
                }
                else if (previous is { } before && time <= before)
                {
                    problems.Add($"{where}/time {time:O} is not after the previous point's {before:O}");
                }

                previous = time ?? previous;
                if (point.Element(Gpx + "extensions") is { } extensions)
                {
                    CheckExtensions(root, extensions, where, problems);
                }
            }
        }

        return problems;
    }

    private static void CheckExtensions(XElement root, XElement extensions, string where, List<string> problems)
    {
        foreach (var child in extensions.Elements())
        {
            // gpx.xsd: <xsd:any namespace="##other"/>: neither the GPX namespace nor no namespace.
            if (child.Name.Namespace == Gpx || child.Name.Namespace == XNamespace.None)
            {
                problems.Add($"{where}/extensions/{child.Name.LocalName} is not in a foreign namespace");
            }

            if (child.Name.Namespace == Tpx)
            {
                if (!root.Attributes().Any(a => a.IsNamespaceDeclaration && a.Value == Tpx.NamespaceName))
                {
                    problems.Add("TrackPointExtension v1 is used but not declared on the gpx element");
                }

                if (child.Name.LocalName != "TrackPointExtension")
                {
                    problems.Add($"{where}: {child.Name.LocalName} in the TrackPointExtension namespace");
                }

                CheckOrder(child, TpxOrder, where + "/TrackPointExtension", problems, Tpx);
                foreach (var value in child.Elements().Where(e => e.Name.LocalName is "hr" or "cad"))
                {
                    if (!byte.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        problems.Add($"{where}: {value.Name.LocalName} '{value.Value}' is not an unsigned byte");
                    }
                }
            }
        }
    }

    private static void CheckOrder(XElement parent, string[] order, string where, List<string> problems, XNamespace? ns = null)
    {
        ns ??= Gpx;
        var last = -1;
        foreach (var child in parent.Elements())
        {
            var position = child.Name.Namespace == ns ? Array.IndexOf(order, child.Name.LocalName) : -1;
            if (position < 0)
            {
                problems.Add($"{where}: unexpected element {child.Name}");
            }
            else if (position < last)
            {
                problems.Add($"{where}: {child.Name.LocalName} comes after {order[last]}, against the schema's order");
            }
            else
            {
                last = position;
            }
        }
    }

    private static void CheckCoordinate(XElement point, string name, double min, double max, string where, List<string> problems)
    {
        var text = (string?)point.Attribute(name);
        if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            problems.Add($"{where}/@{name} '{text}' is missing or outside {min}..{max}");
        }
    }

    private static DateTimeOffset? CheckTime(XElement? element, string where, List<string> problems)
    {
        if (element is null)
        {
            return null;
        }

        try
        {
            return new DateTimeOffset(XmlConvert.ToDateTime(element.Value, XmlDateTimeSerializationMode.RoundtripKind).ToUniversalTime(), TimeSpan.Zero);
        }
        catch (FormatException)
        {
            problems.Add($"{where} '{element.Value}' is not an xsd:dateTime");
            return null;
        }
    }
}
