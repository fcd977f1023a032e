using System.Globalization;
using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Http;
using FitnessClients.Strava.Auth;
using FitnessClients.Strava.Models;
using Refit;

namespace FitnessClients.Strava.Web;

/// <summary>
/// Downloads the files the API does not give: the original upload (FIT, TCX, GPX, or JSON for mobile recordings) and
/// the website's GPX/TCX exports, using the website session cookie <c>strava_remember_token</c> copied from a signed-in
/// browser. Password sign-in is not offered: Strava added emailed codes and reCAPTCHA in 2025. The cookie lasts about
/// 30 days; it is sent only to the website root and never written to logs or messages.
/// </summary>
/// <example><code>
/// using var web = new StravaWebExporter(cookieValue, options);
/// await using var content = await web.OpenOriginalAsync(16181809559);
/// if (content.IsAvailable) { await using var file = File.Create($"activity.{content.FileExtension}"); await content.Stream!.CopyToAsync(file); }
/// </code></example>
public sealed class StravaWebExporter : IDisposable
{
    private const string Service = "strava-web";

    private readonly string _cookieHeader;
    private readonly StravaClientOptions _options;
    private readonly HttpClient _http;
    private readonly IStravaWebExportApi _api;

    /// <summary>Reads the cookie's expiry and athlete id now, so a malformed paste is reported before any download.</summary>
    /// <exception cref="ArgumentException">The value is not the JWT Strava stores in that cookie.</exception>
    public StravaWebExporter(string rememberToken, StravaClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rememberToken);
        var value = rememberToken.Trim();
        const string prefix = "strava_remember_token=";
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[prefix.Length..].TrimEnd(';');
        }

        Session = StravaRememberToken.Parse(value);
        _options = options ?? new StravaClientOptions();
        _cookieHeader = Session.AthleteId is { } athlete
            ? $"strava_remember_token={value}; strava_remember_id={athlete}"
            : $"strava_remember_token={value}";
        _http = StravaAuthHttp.Create(_options);
        _http.BaseAddress = FitnessPipeline.WithTrailingSlash(_options.EffectiveWebBaseAddress);
        _api = RestService.ForGenerated<IStravaWebExportApi>(_http, FitnessRefit.CreateSettings(StravaJson.Options));
    }

    /// <summary>The cookie's expiry and athlete id; compare <see cref="StravaRememberToken.AthleteId"/> with the API token's athlete before a backup mixes two accounts.</summary>
    public StravaRememberToken Session { get; }

    /// <summary>When the cookie stops working; a caller can warn a few days ahead.</summary>
    public DateTimeOffset? ExpiresAt => Session.ExpiresAt;

    /// <summary>The file as uploaded to Strava, with its own extension.</summary>
    public Task<ActivityContent> OpenOriginalAsync(long activityId, CancellationToken cancellationToken = default) =>
        OpenAsync(activityId, StravaWebExportFormat.Original, cancellationToken);

    /// <summary>
    /// Opens one export as a stream read straight from the network. Not available (rather than an error) when Strava
    /// has no file (404, e.g. a manual activity) or refuses this athlete access to the activity.
    /// </summary>
    /// <exception cref="AuthenticationRequiredException">The cookie expired or Strava sent the request to its sign-in page.</exception>
    public async Task<ActivityContent> OpenAsync(long activityId, StravaWebExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(activityId);
        var now = _options.TimeProvider.GetUtcNow();
        if (Session.ExpiresAt is { } expiry && expiry <= now)
        {
            throw Expired(expiry, null);
        }

        var export = format switch
        {
            StravaWebExportFormat.Gpx => "export_gpx",
            StravaWebExportFormat.Tcx => "export_tcx",
            _ => "export_original",
        };
        // The address the messages name; Refit builds the request itself.
        var uri = new Uri(_http.BaseAddress!, $"activities/{activityId.ToString(CultureInfo.InvariantCulture)}/{export}");

        IApiResponse<Stream> response;
        try
        {
            response = await _api.GetExportAsync(activityId, export, _cookieHeader, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceUnavailableException("The Strava website could not be reached.", ex) { Service = Service, RequestMethod = "GET", RequestUri = uri };
        }

        var handedOver = false;
        try
        {
            var outcome = Interpret(response, uri, format);
            handedOver = outcome.IsAvailable;
            return outcome;
        }
        finally
        {
            // An available file hands its body over: disposing that stream releases the response.
            if (!handedOver)
            {
                response.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private ActivityContent Interpret(IApiResponse<Stream> response, Uri uri, StravaWebExportFormat format)
    {
        if (response.StatusCode is not { } statusCode)
        {
            throw new ServiceUnavailableException("The Strava website sent no response.", response.Error) { Service = Service, RequestMethod = "GET", RequestUri = uri };
        }

        var status = (int)statusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers?.Location;
            var target = location is null ? string.Empty : (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
            if (location is null || IsSignInPath(target))
            {
                throw SignedOut(uri, statusCode);
            }

            return ActivityContent.NotAvailable($"Strava redirected the {format} export of this activity to {target} instead of sending a file; it has none (e.g. a manual activity) or it is not yours.");
        }

        if (statusCode == HttpStatusCode.NotFound)
        {
            return ActivityContent.NotAvailable($"Strava has no {format} export for this activity (404).");
        }

        if (statusCode == HttpStatusCode.Forbidden)
        {
            return ActivityContent.NotAvailable($"Strava refused the {format} export of this activity (403): it belongs to another athlete or is hidden from this account.");
        }

        if (statusCode == HttpStatusCode.Unauthorized)
        {
            throw SignedOut(uri, statusCode);
        }

        if (statusCode == HttpStatusCode.TooManyRequests)
        {
            var now = _options.TimeProvider.GetUtcNow();
            var wait = RetryAfter.GetDelay(response.Headers?.RetryAfter, now) ?? TimeSpan.FromMinutes(15);
            throw new RateLimitExceededException("The Strava website answered 429: too many downloads; slow down before trying again.", now + wait)
            {
                Service = Service, RequestMethod = "GET", RequestUri = uri, StatusCode = statusCode, RetryAfter = wait,
            };
        }

        if (status >= 500)
        {
            throw new ServiceUnavailableException($"The Strava website failed with {status} {response.ReasonPhrase}.")
            {
                Service = Service, RequestMethod = "GET", RequestUri = uri, StatusCode = statusCode,
            };
        }

        if (!response.IsSuccessStatusCode || response.Content is not { } body)
        {
            throw new FitnessApiException($"The Strava website refused the export with {status} {response.ReasonPhrase}.")
            {
                Service = Service, RequestMethod = "GET", RequestUri = uri, StatusCode = statusCode,
            };
        }

        // A sign-in page served with 200 instead of a redirect is still "signed out", never a file to save.
        if (string.Equals(response.ContentHeaders?.ContentType?.MediaType, "text/html", StringComparison.OrdinalIgnoreCase))
        {
            throw SignedOut(uri, statusCode);
        }

        var extension = ExportFileName.Extension(response.ContentHeaders, format);
        return ActivityContent.Available(body, extension, response.ContentHeaders?.ContentLength);
    }

    private static bool IsSignInPath(string path) =>
        path.Contains("/login", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/session", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/register", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/onboarding", StringComparison.OrdinalIgnoreCase);

    private AuthenticationRequiredException SignedOut(Uri uri, HttpStatusCode status)
    {
        var now = _options.TimeProvider.GetUtcNow();
        if (Session.ExpiresAt is { } expiry && expiry <= now)
        {
            return Expired(expiry, uri);
        }

        return new AuthenticationRequiredException(
            "The Strava website does not accept the session cookie (it sent the download to its sign-in page): the strava_remember_token was signed out or replaced. " +
            "Sign in at strava.com in a browser, copy the strava_remember_token cookie again and pass the new value.")
        {
            Service = Service, RequestMethod = "GET", RequestUri = uri, StatusCode = status,
        };
    }

    private static AuthenticationRequiredException Expired(DateTimeOffset expiry, Uri? uri) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"The Strava website session cookie (strava_remember_token) expired at {expiry:yyyy-MM-dd HH:mm} UTC; these cookies last about 30 days. Sign in at strava.com in a browser, copy the cookie again and pass the new value."))
        {
            Service = Service, RequestMethod = uri is null ? null : "GET", RequestUri = uri,
        };
}
