using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// The website's export routes behind the strava_remember_token session cookie.
public sealed partial class StravaEmulator
{
    /// <summary>The website's session cookie name.</summary>
    public const string WebSessionCookieName = "strava_remember_token";

    private readonly Dictionary<string, DateTimeOffset> _webSessions = new(StringComparer.Ordinal);
    private readonly byte[] _webSigningKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// Issues a website session as a browser login would: the value of the <c>strava_remember_token</c> cookie, a JWT whose
    /// payload carries the athlete id (<c>sub</c>) and <c>exp</c>, valid for <see cref="StravaEmulatorOptions.WebSessionLifetime"/>
    /// on the emulator clock. Send it as <c>Cookie: strava_remember_token=&lt;value&gt;</c> to the export routes.
    /// </summary>
    public string IssueWebSessionCookie()
    {
        var now = TimeProvider.GetUtcNow();
        var expires = now + _options.WebSessionLifetime;
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["sub"] = AthleteIdText,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        }.ToJsonString()));
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(_webSigningKey, Encoding.ASCII.GetBytes(header + "." + payload)));
        var value = header + "." + payload + "." + signature;
        lock (SyncRoot)
        {
            _webSessions[value] = expires;
        }

        return value;
    }

    private void MapWebRoutes()
    {
        Router.MapGet("/activities/{id:long}/export_original", request => Export(request, original: true, StravaOriginalFormat.None));
        Router.MapGet("/activities/{id:long}/export_gpx", request => Export(request, original: false, StravaOriginalFormat.Gpx));
        Router.MapGet("/activities/{id:long}/export_tcx", request => Export(request, original: false, StravaOriginalFormat.Tcx));
    }

    private bool HasWebSession(EmulatorRequest request)
    {
        foreach (var header in request.GetHeaderValues("Cookie"))
        {
            foreach (var pair in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && string.Equals(pair[..equals], WebSessionCookieName, StringComparison.Ordinal))
                {
                    lock (SyncRoot)
                    {
                        if (_webSessions.TryGetValue(pair[(equals + 1)..], out var expires) && TimeProvider.GetUtcNow() < expires)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private HttpResponseMessage Export(EmulatorRequest request, bool original, StravaOriginalFormat format)
    {
        if (!HasWebSession(request))
        {
            return EmulatorResponses.Redirect(BaseUri(request).AbsoluteUri + "login");
        }

        var activity = FindActivity(Id(request));
        if (activity is null || activity.IsManual)
        {
            return EmulatorResponses.Html(HttpStatusCode.NotFound, "Page Not Found", "<h1>Page Not Found</h1>");
        }

        byte[] bytes;
        StravaUpload? uploaded;
        lock (SyncRoot)
        {
            uploaded = _uploadedFiles.GetValueOrDefault(activity.Id);
        }

        var track = StravaTrack.For(activity);
        if (original)
        {
            format = activity.OriginalFormat;
            bytes = uploaded?.File ?? StravaOriginalFiles.Original(activity, track);
        }
        else
        {
            bytes = format == StravaOriginalFormat.Gpx ? StravaOriginalFiles.Gpx(activity, track) : StravaOriginalFiles.Tcx(activity, track);
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
        response.Content.Headers.ContentType = new(StravaOriginalFiles.ContentType(format));
        response.Content.Headers.TryAddWithoutValidation("Content-Disposition", "attachment; filename=\"" + FileName(activity) + StravaOriginalFiles.Extension(format) + "\"");
        return response;
    }

    /// <summary>The name part of the download: ASCII letters, digits, spaces, dashes and underscores (Strava drops periods), or the id.</summary>
    private static string FileName(StravaEmulatedActivity activity)
    {
        var kept = new string([.. activity.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_')]).Trim();
        return kept.Length == 0 ? activity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : kept;
    }
}
