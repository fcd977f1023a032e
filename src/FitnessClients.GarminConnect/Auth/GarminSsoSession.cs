using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Core;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// One login over Garmin's SSO mobile JSON API (<c>/mobile/api/login</c>, then <c>/mobile/api/mfa/verifyCode</c> when
/// MFA is on), with its own cookie container so the MFA step continues the same SSO session.
/// </summary>
/// <remarks>
/// Nothing here retries. An SSO 429 or Cloudflare page becomes an exception at once: each further attempt re-arms
/// Garmin's login throttle, which then lasts hours.
/// </remarks>
internal sealed class GarminSsoSession : IDisposable
{
    private static readonly TimeSpan RateLimitWait = TimeSpan.FromHours(1);

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _loginUri;
    private readonly Uri _verifyUri;

    public GarminSsoSession(GarminConnectClientOptions options, string ssoClientId, Uri serviceUrl)
    {
        Cookies = new CookieContainer();
        _httpClient = GarminAuthHttp.CreateSsoClient(options, Cookies);
        _timeProvider = options.TimeProvider;
        ServiceUrl = serviceUrl;
        var query = $"clientId={Uri.EscapeDataString(ssoClientId)}&locale=en-US&service={Uri.EscapeDataString(serviceUrl.AbsoluteUri)}";
        var sso = Core.Http.FitnessPipeline.WithTrailingSlash(options.EffectiveSsoBaseAddress);
        _loginUri = new Uri(sso, "mobile/api/login?" + query);
        _verifyUri = new Uri(sso, "mobile/api/mfa/verifyCode?" + query);
    }

    /// <summary>The session's cookies (kept between the login and the MFA step).</summary>
    public CookieContainer Cookies { get; }

    /// <summary>The SSO <c>service</c> the ticket will be issued for; the diauth exchange must send the same.</summary>
    public Uri ServiceUrl { get; }

    public Task<SsoOutcome> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["username"] = email,
            ["password"] = password,
            ["rememberMe"] = true,
            ["captchaToken"] = string.Empty,
        };
        return SendAsync(_loginUri, body, mfaStep: false, [password, email], cancellationToken);
    }

    public Task<SsoOutcome> VerifyMfaAsync(string mfaMethod, string code, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["mfaMethod"] = mfaMethod,
            ["mfaVerificationCode"] = code,
            ["rememberMyBrowser"] = true,
            ["reconsentList"] = new JsonArray(),
            ["mfaSetup"] = false,
        };
        return SendAsync(_verifyUri, body, mfaStep: true, [code], cancellationToken);
    }

    public void Dispose() => _httpClient.Dispose();

    private async Task<SsoOutcome> SendAsync(Uri uri, JsonObject body, bool mfaStep, string[] secrets, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        // As the app and python-garminconnect send it: no charset parameter.
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var info = await ErrorResponseReader.ReadAsync(response, new ErrorMappingOptions { ServiceName = GarminAuthHttp.ServiceName }, _timeProvider, cancellationToken).ConfigureAwait(false);
        return Interpret(info, mfaStep, secrets);
    }

    // What the request sent (password, code) is cut out of anything from the response that reaches a message, in
    // case the service echoes it in a form the scrubber does not recognise.
    private static string? Redact(string? text, string[] secrets)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            if (secret.Length >= 3)
            {
                text = text.Replace(secret, Core.Diagnostics.SecretScrubber.Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    private static SsoOutcome Interpret(ErrorResponseInfo info, bool mfaStep, string[] secrets)
    {
        var body = info.Body ?? string.Empty;
        var title = Redact(HtmlTitle(body), secrets);
        var excerpt = Redact(info.ResponseExcerpt, secrets);
        if (info.StatusCode == HttpStatusCode.TooManyRequests || IsJsonRateLimit(body)
            || (title?.StartsWith("Access denied", StringComparison.OrdinalIgnoreCase) == true && !(info.StatusCode == HttpStatusCode.Forbidden && body.Contains("1020", StringComparison.Ordinal))))
        {
            throw RateLimited(info, title is not null, excerpt);
        }

        if (info.IsCloudflareChallenge)
        {
            throw Blocked(info, excerpt, GarminLoginBlockReason.CloudflareChallenge,
                "Garmin's sign-in service answered with a Cloudflare bot challenge" + Quoted(title) + ". Since March 2026 Garmin's Cloudflare front end checks the TLS fingerprint of login clients, " +
                "and .NET's HttpClient cannot present a browser's or the Garmin app's, so scripted password logins are blocked. " + Alternatives);
        }

        if (info.StatusCode == HttpStatusCode.Forbidden)
        {
            throw Blocked(info, excerpt, GarminLoginBlockReason.AccessDenied,
                "Garmin's sign-in service refused this client (HTTP 403" + (title is null ? string.Empty : ", \"" + title + "\"") + "): bot protection, not a wrong password. " + Alternatives);
        }

        if (info.StatusCode == HttpStatusCode.RequestTimeout || (int)info.StatusCode >= 500)
        {
            throw new ServiceUnavailableException($"Garmin's sign-in service failed with HTTP {(int)info.StatusCode}; it was not retried. Try again later.")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri, ResponseExcerpt = excerpt, RetryAfter = info.RetryAfter,
            };
        }

        var status = ReadStatus(body, out var root);
        if (status.Type is null)
        {
            throw new FitnessApiException($"Garmin's sign-in answered {(int)info.StatusCode} with something other than its login JSON ({excerpt ?? "an empty body"}).")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri, ResponseExcerpt = excerpt,
            };
        }

        switch (status.Type)
        {
            case "SUCCESSFUL":
                var ticket = GetString(root, "serviceTicketId");
                if (string.IsNullOrWhiteSpace(ticket) || !ticket.StartsWith("ST-", StringComparison.Ordinal))
                {
                    throw new FitnessApiException("Garmin's sign-in reported success but sent no service ticket.")
                    {
                        Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri, ErrorCode = status.Type,
                    };
                }

                return new SsoOutcome(ticket, null, null);
            case "MFA_REQUIRED" when !mfaStep:
                var mfa = root.TryGetProperty("customerMfaInfo", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
                var method = mfa.ValueKind == JsonValueKind.Object && GetString(mfa, "mfaLastMethodUsed") is { Length: > 0 } last ? last : "email";
                var destination = mfa.ValueKind != JsonValueKind.Object ? null
                    : method.Contains("phone", StringComparison.OrdinalIgnoreCase) || method.Contains("sms", StringComparison.OrdinalIgnoreCase) ? GetString(mfa, "phoneNumber") ?? GetString(mfa, "email")
                    : GetString(mfa, "email");
                return new SsoOutcome(null, method, destination);
            case "INVALID_USERNAME_PASSWORD":
                throw new AuthenticationRequiredException(
                    "Garmin's sign-in rejected the email address or password (INVALID_USERNAME_PASSWORD): wrong email or password. " +
                    "Check them before trying again; repeated failed logins can lock the account or trigger Garmin's login throttle.")
                {
                    Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri, ErrorCode = status.Type,
                };
            case "CAPTCHA_REQUIRED":
                throw Blocked(info, excerpt, GarminLoginBlockReason.CaptchaRequired,
                    "Garmin's sign-in asks for a CAPTCHA (CAPTCHA_REQUIRED), which this client cannot solve. " + Alternatives, status.Type);
        }

        var message = Redact(status.Message, secrets);
        var detail = string.IsNullOrWhiteSpace(message) ? status.Type : $"{status.Type}: {message}";
        if (mfaStep)
        {
            throw new GarminMfaCodeRejectedException(
                $"Garmin did not accept the MFA code ({detail}). The login is still pending: complete it with the code from the latest email or text message before the challenge expires.")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri, ErrorCode = status.Type,
            };
        }

        throw new FitnessApiException($"Garmin's sign-in did not log in ({detail}, HTTP {(int)info.StatusCode}).")
        {
            Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri, ErrorCode = status.Type,
        };
    }

    private const string Alternatives =
        "Use one of the routes that work: sign in in a browser and exchange the service ticket (LoginWithTicketAsync), " +
        "or import tokens saved by python-garminconnect (garmin_tokens.json) or garth (~/.garth, GARTH_TOKEN).";

    private static RateLimitExceededException RateLimited(ErrorResponseInfo info, bool page, string? excerpt)
    {
        var wait = info.RetryAfter is { } retryAfter && retryAfter > RateLimitWait ? retryAfter : RateLimitWait;
        var what = page ? "a Cloudflare \"Access denied\" page" : "429 Too Many Requests";
        return new RateLimitExceededException(
            $"Garmin's sign-in service is rate limiting logins from this account or network (it answered {what}). The login was not retried and should not be for a few hours: " +
            "every attempt re-arms the limit, which usually clears within a few hours and sometimes takes a day. " +
            "Meanwhile sign in with a service ticket copied from your browser (LoginWithTicketAsync) or import tokens saved by python-garminconnect or garth; " +
            "once signed in, reuse the stored token instead of logging in on every run.",
            info.Now + wait)
        {
            Service = info.Service, StatusCode = HttpStatusCode.TooManyRequests, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
            RetryAfter = info.RetryAfter, ResponseExcerpt = excerpt, Window = "garmin-sso",
        };
    }

    private static GarminLoginBlockedException Blocked(ErrorResponseInfo info, string? excerpt, GarminLoginBlockReason reason, string message, string? errorCode = null) =>
        new(message, reason)
        {
            Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
            ResponseExcerpt = excerpt, ErrorCode = errorCode ?? (reason == GarminLoginBlockReason.CloudflareChallenge ? "cloudflare_challenge" : null),
        };

    private static string Quoted(string? title) => title is null ? string.Empty : $" (\"{title}\")";

    private static (string? Type, string? Message) ReadStatus(string body, out JsonElement root)
    {
        root = default;
        if (!body.TrimStart().StartsWith('{'))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body, ImportSource.JsonOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, null);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("responseStatus", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var type = GetString(status, "type") is { } t ? Core.Diagnostics.SecretScrubber.Scrub(t.Length > 64 ? t[..64] : t) : null;
        // The message is a Garmin message key ("generalLoginInvalidUsernameOrPassword"); keep it short and scrubbed anyway.
        var message = GetString(status, "message") is { Length: > 0 } text ? Core.Diagnostics.SecretScrubber.Scrub(text.Length > 120 ? text[..120] : text) : null;
        return (string.IsNullOrWhiteSpace(type) ? null : type.Trim(), message);
    }

    // {"error": {"status-code": "429"}}: python-garminconnect has seen the limit reported inside a JSON body.
    private static bool IsJsonRateLimit(string body)
    {
        if (!body.TrimStart().StartsWith('{') || !body.Contains("429", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body, ImportSource.JsonOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("status-code", out var code)
                && code.ToString() == "429";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? HtmlTitle(string body)
    {
        var start = body.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var open = body.IndexOf('>', start);
        var close = open < 0 ? -1 : body.IndexOf("</title", open, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return null;
        }

        var title = Core.Diagnostics.SecretScrubber.Scrub(WebUtility.HtmlDecode(body[(open + 1)..close]).Trim());
        return title.Length == 0 ? null : title.Length > 100 ? title[..100] : title;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
