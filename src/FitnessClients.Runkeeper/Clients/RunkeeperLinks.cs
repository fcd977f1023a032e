using FitnessClients.Core;

namespace FitnessClients.Runkeeper.Clients;

/// <summary>
/// Turns a URI the API returned into a path relative to the configured API root. Runkeeper's URIs are root-relative
/// (<c>/fitnessActivities?page=1&amp;...</c>); an absolute one is followed only to the API's own host, so a tampered
/// <c>next</c> can never send the bearer token elsewhere.
/// </summary>
internal static class RunkeeperLinks
{
    public static string ToRelativePath(string link, Uri apiRoot)
    {
        ArgumentNullException.ThrowIfNull(apiRoot);
        if (string.IsNullOrWhiteSpace(link))
        {
            throw Refused("an empty link");
        }

        var text = link.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (!string.Equals(absolute.Scheme, apiRoot.Scheme, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(absolute.IdnHost, apiRoot.IdnHost, StringComparison.OrdinalIgnoreCase)
                || absolute.Port != apiRoot.Port)
            {
                throw Refused($"a link to another host ({absolute.GetLeftPart(UriPartial.Authority)})");
            }

            var rootPath = apiRoot.AbsolutePath.TrimEnd('/') + "/";
            text = absolute.PathAndQuery.StartsWith(rootPath, StringComparison.Ordinal)
                ? absolute.PathAndQuery[rootPath.Length..]
                : absolute.PathAndQuery;
        }

        if (text.StartsWith("//", StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal))
        {
            throw Refused("a link that is not a path on the API host");
        }

        text = text.TrimStart('/');
        var path = text.Split('?', 2)[0];
        if (path.Split('/').Any(segment => segment is ".." or "."))
        {
            throw Refused("a link with dot segments");
        }

        return text;
    }

    private static FitnessApiException Refused(string what) =>
        new($"Runkeeper returned {what}; the client follows only paths on the API host.") { Service = "runkeeper" };
}
