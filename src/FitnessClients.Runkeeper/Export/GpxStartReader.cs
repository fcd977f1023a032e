using System.Globalization;
using System.Xml;

namespace FitnessClients.Runkeeper.Export;

/// <summary>
/// Reads the first <c>&lt;time&gt;</c> of a GPX file (the track's start in Runkeeper's exports, always UTC). No DTD,
/// no external entities, a bounded document: the file comes from an archive the user downloaded, not from us.
/// </summary>
internal static class GpxStartReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 256L * 1024 * 1024,
        CloseInput = false,
    };

    public static DateTimeOffset? ReadFirstTime(Stream gpx)
    {
        try
        {
            using var reader = XmlReader.Create(gpx, Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "time")
                {
                    var text = reader.ReadElementContentAsString().Trim();
                    return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                        ? time
                        : null;
                }
            }
        }
        catch (XmlException)
        {
            // A broken GPX gives no start; the row keeps its local time.
        }

        return null;
    }
}
