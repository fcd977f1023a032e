using System.Globalization;
using System.Text;
using System.Xml;

namespace FitnessClients.Testing;

/// <summary>Shared settings for the XML exports: UTF-8 without a byte order mark, indented, <c>\n</c> line ends.</summary>
internal static class GarminXml
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
    };

    /// <summary>A UTC time as the exports write it: <c>2026-01-08T14:10:21.000Z</c>.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static byte[] Build(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
