using System.Globalization;
using System.Net;

namespace FitnessClients.Testing;

/// <summary>The HTML FitTrackee sends besides JSON: Werkzeug's error pages and the web app's page from the catch-all route.</summary>
internal static class FitTrackeeHtml
{
    /// <summary>A Werkzeug error page (400, 405, 413, 415...), a bare fragment as Werkzeug writes it.</summary>
    public static HttpResponseMessage Error(HttpStatusCode status, string description)
    {
        var title = ReasonPhrases.Get(status);
        var page = string.Create(CultureInfo.InvariantCulture, $"<!doctype html>\n<html lang=en>\n<title>{(int)status} {title}</title>\n<h1>{title}</h1>\n<p>{description}</p>\n");
        return EmulatorResponses.Text(status, page, "text/html");
    }

    public static HttpResponseMessage BadRequest() =>
        Error(HttpStatusCode.BadRequest, "The browser (or proxy) sent a request that this server could not understand.");

    public static HttpResponseMessage MethodNotAllowed() =>
        Error(HttpStatusCode.MethodNotAllowed, "The method is not allowed for the requested URL.");

    public static HttpResponseMessage UnsupportedMediaType() =>
        Error(HttpStatusCode.UnsupportedMediaType, "Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.");

    /// <summary>The single-page web app FitTrackee renders for every path no API route takes (its catch-all route), with 200.</summary>
    public static HttpResponseMessage WebApp() => EmulatorResponses.Text(
        HttpStatusCode.OK,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
        "<title>FitTrackee</title><script type=\"module\" crossorigin src=\"/static/js/index.js\"></script></head>" +
        "<body><noscript><strong>We're sorry but FitTrackee doesn't work properly without JavaScript enabled.</strong></noscript><div id=\"app\"></div></body></html>",
        "text/html");
}
