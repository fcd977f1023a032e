using System.Net;
using System.Text.RegularExpressions;

namespace FitnessClients.Testing;

/// <summary>The standard reason phrase of a status code, for status lines and error pages.</summary>
internal static partial class ReasonPhrases
{
    public static string Get(HttpStatusCode status)
    {
        switch ((int)status)
        {
            case 429: return "Too Many Requests";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            case 200: return "OK";
            case 300: return "Multiple Choices";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 303: return "See Other";
            case 307: return "Temporary Redirect";
            case 308: return "Permanent Redirect";
            case 413: return "Content Too Large";
            case 422: return "Unprocessable Content";
            default:
                // "ServiceUnavailable" -> "Service Unavailable"; unknown codes have no name and get "Unknown".
                var name = status.ToString();
                return char.IsDigit(name[0]) ? "Unknown" : SplitWords().Replace(name, " $1");
        }
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex SplitWords();
}
