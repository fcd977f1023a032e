using System.Globalization;
using System.Net;

namespace FitnessClients.Testing;

/// <summary>
/// The non-JSON error pages clients of these services really meet: a CDN bot challenge in front of Garmin and Strava, a
/// reverse proxy's gateway error in front of a self-hosted FitTrackee, and Flask's default 500 page from FitTrackee itself.
/// Clients must recognise and summarise them, never parse them as JSON or dump them.
/// </summary>
public static class HtmlErrorPages
{
    /// <summary>A Cloudflare-like bot challenge: 403, <c>Server: cloudflare</c>, <c>cf-mitigated: challenge</c>, a "Just a moment..." page.</summary>
    /// <param name="rayId">The <c>CF-RAY</c> value; a fixed one when omitted.</param>
    public static HttpResponseMessage CloudflareChallenge(string rayId = "8f1c2d3e4a5b6c7d-AMS") =>
        EmulatorResponses.Html(
                HttpStatusCode.Forbidden,
                "Just a moment...",
                "<div class=\"main-wrapper\" role=\"main\"><div class=\"main-content\">" +
                "<h1>Checking if the site connection is secure</h1>" +
                "<p>Enable JavaScript and cookies to continue</p>" +
                "<noscript>This page needs JavaScript.</noscript></div></div>")
            .WithHeader("Server", "cloudflare")
            .WithHeader("cf-mitigated", "challenge")
            .WithHeader("CF-RAY", rayId)
            .WithHeader("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate");

    /// <summary>A Cloudflare-like origin error (520 to 524: the origin did not answer properly).</summary>
    /// <param name="status">The status, 520 to 524.</param>
    public static HttpResponseMessage CloudflareOriginError(int status = 522) =>
        EmulatorResponses.Html(
                (HttpStatusCode)status,
                string.Create(CultureInfo.InvariantCulture, $"{status}: Connection timed out"),
                string.Create(CultureInfo.InvariantCulture, $"<h1>Error {status}</h1><p>The origin web server did not respond in time.</p>"))
            .WithHeader("Server", "cloudflare");

    /// <summary>Flask's (Werkzeug's) default 500 page, what a FitTrackee instance sends when the app itself fails.</summary>
    public static HttpResponseMessage FlaskInternalServerError()
    {
        // Werkzeug's page is a bare fragment without <head>/<body>; Html() would add them, so build it directly.
        const string page = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n" +
                            "<p>The server encountered an internal error and was unable to complete your request. " +
                            "Either the server is overloaded or there is an error in the application.</p>\n";
        return EmulatorResponses.Text(HttpStatusCode.InternalServerError, page, "text/html").WithHeader("Server", "Werkzeug/3.0.6 Python/3.11.2");
    }

    /// <summary>An nginx-like gateway error page (502, 503 or 504) from a reverse proxy whose upstream is down.</summary>
    /// <param name="status">The status.</param>
    public static HttpResponseMessage NginxError(HttpStatusCode status = HttpStatusCode.BadGateway)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"{(int)status} {ReasonPhrases.Get(status)}");
        return EmulatorResponses.Text(
                status,
                $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                "text/html")
            .WithHeader("Server", "nginx");
    }
}
