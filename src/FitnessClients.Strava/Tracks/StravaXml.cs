using System.Globalization;
using System.Text;
using System.Xml;

namespace FitnessClients.Strava.Tracks;

/// <summary>Shared bits of the GPX and TCX writers: settings and invariant formatting.</summary>
internal static class StravaXml
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        Async = false,
        CloseOutput = false,
    };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
