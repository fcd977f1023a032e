using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// The Garmin SSO mobile JSON login of a <see cref="GarminConnectEmulator"/>: <c>POST /mobile/api/login</c> and
/// <c>POST /mobile/api/mfa/verifyCode</c> (also under <c>/portal/api/</c>), with one registered user, optional emailed
/// MFA, the <c>SESSIONID</c> cookie that ties the two steps together, and the blocking modes clients must survive. A
/// successful login returns a <c>serviceTicketId</c> that the emulator's diauth exchanges for tokens.
/// </summary>
/// <remarks>
/// In process (<see cref="ServiceEmulator.CreateHandler"/>) nothing keeps cookies, so the client must carry the
/// <c>Set-Cookie</c> value itself (its own cookie container or handler); over a loopback port a
/// <c>SocketsHttpHandler</c> with a <c>CookieContainer</c> does it. Shapes not seen in the reference material (the
/// answers to a missing session and a wrong code, and the HTTP status of <c>CAPTCHA_REQUIRED</c>) are the emulator's own.
/// </remarks>
public sealed class GarminSsoEmulator
{
    /// <summary>The cookie the login sets and the MFA step requires.</summary>
    public const string SessionCookieName = "SESSIONID";

    private readonly TimeProvider _clock;
    private readonly GarminServiceTickets _tickets;
    private readonly Dictionary<string, PendingMfa> _pending = new(StringComparer.Ordinal);
    private long _loginAttempts;
    private long _mfaAttempts;
    private long _successfulLogins;

    internal GarminSsoEmulator(TimeProvider clock, GarminServiceTickets tickets, GarminConnectEmulatorOptions options)
    {
        _clock = clock;
        _tickets = tickets;
        Email = options.Email;
        Password = options.Password;
        MfaEnabled = options.MfaEnabled;
    }

    /// <summary>How logins are answered; <see cref="GarminSsoMode.Normal"/> by default. May be changed at any time.</summary>
    public GarminSsoMode Mode { get; set; }

    /// <summary>The registered user's email (compared case-insensitively).</summary>
    public string Email { get; set; }

    /// <summary>The registered user's password.</summary>
    public string Password { get; set; }

    /// <summary>Whether a correct password leads to <c>MFA_REQUIRED</c> and an emailed code.</summary>
    public bool MfaEnabled { get; set; }

    /// <summary>
    /// The MFA code to expect. <see langword="null"/> (the default) draws a new random six-digit code for each login; read it
    /// from <see cref="LastMfaCode"/> as a user would read the email.
    /// </summary>
    public string? MfaCode { get; set; }

    /// <summary>The code "emailed" by the latest login that required MFA.</summary>
    public string? LastMfaCode { get; private set; }

    /// <summary>How long the MFA step stays possible after the password step (default 10 minutes on the emulator's clock).</summary>
    public TimeSpan MfaSessionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many password steps arrived (blocked ones included).</summary>
    public long LoginAttempts => Interlocked.Read(ref _loginAttempts);

    /// <summary>How many MFA steps arrived.</summary>
    public long MfaAttempts => Interlocked.Read(ref _mfaAttempts);

    /// <summary>How many logins ended with a service ticket.</summary>
    public long SuccessfulLogins => Interlocked.Read(ref _successfulLogins);

    internal void MapRoutes(IEmulatorRouteBuilder routes)
    {
        foreach (var root in new[] { "/mobile/api", "/portal/api" })
        {
            routes.MapPost(root + "/login", Login);
            routes.MapPost(root + "/mfa/verifyCode", VerifyCode);
        }

        routes.MapGet("/mobile/sso/en/sign-in", request => Blocked() ?? WithSession(EmulatorResponses.Html(HttpStatusCode.OK, "GARMIN Authentication Application", "<div id=\"root\"></div>"), NewSessionId()));
        routes.MapGet("/portal/sso/embed", request => Blocked() ?? EmulatorResponses.Html(HttpStatusCode.OK, "GARMIN Authentication Application", string.Empty));
    }

    private HttpResponseMessage Login(EmulatorRequest request)
    {
        Interlocked.Increment(ref _loginAttempts);
        if (Blocked() is { } blocked)
        {
            return blocked;
        }

        var body = ReadJson(request);
        var username = body?["username"]?.GetValueKind() == JsonValueKind.String ? body["username"]!.GetValue<string>() : null;
        var password = body?["password"]?.GetValueKind() == JsonValueKind.String ? body["password"]!.GetValue<string>() : null;
        if (username is null || password is null)
        {
            return EmulatorResponses.Json(HttpStatusCode.BadRequest, Status(null, null, "INVALID_REQUEST", "missingUsernameOrPassword", "BAD_REQUEST"));
        }

        var sessionId = NewSessionId();
        var service = request.GetQueryValue("service");
        if (Mode == GarminSsoMode.CaptchaRequired)
        {
            return WithSession(EmulatorResponses.Json(HttpStatusCode.OK, Status(null, null, "CAPTCHA_REQUIRED", "captchaRequired", "OK")), sessionId);
        }

        if (!string.Equals(username, Email, StringComparison.OrdinalIgnoreCase) || !string.Equals(password, Password, StringComparison.Ordinal))
        {
            return WithSession(EmulatorResponses.Json(HttpStatusCode.Unauthorized, Status(null, null, "INVALID_USERNAME_PASSWORD", "generalLoginInvalidUsernameOrPassword", "UNAUTHORIZED")), sessionId);
        }

        if (MfaEnabled)
        {
            var code = MfaCode ?? RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
            lock (_pending)
            {
                _pending[sessionId] = new PendingMfa(service, code, _clock.GetUtcNow() + MfaSessionLifetime);
                LastMfaCode = code;
            }

            var mfa = Status(null, null, "MFA_REQUIRED", string.Empty, "OK");
            mfa["customerMfaInfo"] = new JsonObject
            {
                ["email"] = MaskEmail(Email),
                ["phoneNumber"] = null,
                ["mfaLastMethodUsed"] = "email",
                ["defaultMfaMethod"] = null,
                ["mfaUISetting"] = new JsonObject { ["allowPhoneOption"] = true, ["allowAddEmailAddress"] = false, ["chooseDifferentWayShown"] = false },
            };
            mfa["consentTypeList"] = new JsonArray();
            return WithSession(EmulatorResponses.Json(HttpStatusCode.OK, mfa), sessionId);
        }

        return WithSession(Success(service), sessionId);
    }

    private HttpResponseMessage VerifyCode(EmulatorRequest request)
    {
        Interlocked.Increment(ref _mfaAttempts);
        if (Blocked() is { } blocked)
        {
            return blocked;
        }

        var sessionId = ReadCookie(request, SessionCookieName);
        PendingMfa? pending;
        lock (_pending)
        {
            pending = sessionId is not null && _pending.TryGetValue(sessionId, out var found) && _clock.GetUtcNow() < found.ExpiresAt ? found : null;
        }

        if (pending is null)
        {
            return EmulatorResponses.Json(HttpStatusCode.Unauthorized, Status(null, null, "SESSION_EXPIRED", "loginSessionExpired", "UNAUTHORIZED"));
        }

        var body = ReadJson(request);
        var code = body?["mfaVerificationCode"]?.GetValueKind() == JsonValueKind.String ? body["mfaVerificationCode"]!.GetValue<string>() : null;
        if (!string.Equals(code, pending.Code, StringComparison.Ordinal))
        {
            return EmulatorResponses.Json(HttpStatusCode.BadRequest, Status(null, null, "INVALID_MFA_CODE", "mfaCodeInvalid", "BAD_REQUEST"));
        }

        lock (_pending)
        {
            _pending.Remove(sessionId!);
        }

        var success = Success(pending.Service);
        return success;
    }

    private HttpResponseMessage Success(string? service)
    {
        Interlocked.Increment(ref _successfulLogins);
        var ticket = _tickets.Issue(service);
        var body = Status(service, ticket, "SUCCESSFUL", string.Empty, "OK");
        body["authType"] = "CAS";
        return EmulatorResponses.Json(HttpStatusCode.OK, body);
    }

    private HttpResponseMessage? Blocked() => Mode switch
    {
        GarminSsoMode.RateLimited => EmulatorResponses.Html(
                HttpStatusCode.TooManyRequests,
                "Access denied | sso.garmin.com used Cloudflare to restrict access",
                "<div id=\"cf-wrapper\"><h1>Error 1015</h1><h2>You are being rate limited</h2>" +
                "<p>The owner of this website (sso.garmin.com) has banned you temporarily from accessing this website.</p></div>")
            .WithHeader("Server", "cloudflare")
            .WithHeader("CF-RAY", "8f1c2d3e4a5b6c7e-AMS"),
        GarminSsoMode.RateLimitedJson => EmulatorResponses.Json(HttpStatusCode.TooManyRequests, """{"error":{"status-code":"429"}}"""),
        GarminSsoMode.CloudflareChallenge => HtmlErrorPages.CloudflareChallenge(),
        _ => null,
    };

    private static JsonObject Status(string? serviceUrl, string? ticket, string type, string message, string httpStatus) => new()
    {
        ["serviceURL"] = serviceUrl,
        ["serviceTicketId"] = ticket,
        ["responseStatus"] = new JsonObject { ["type"] = type, ["message"] = message, ["httpStatus"] = httpStatus },
        ["responseReason"] = null,
        ["customerMfaInfo"] = null,
        ["consentTypeList"] = null,
        ["captchaAlreadyPassed"] = false,
        ["samlResponse"] = null,
        ["authType"] = null,
    };

    private static JsonNode? ReadJson(EmulatorRequest request)
    {
        try
        {
            return request.ReadJsonNode() as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpResponseMessage WithSession(HttpResponseMessage response, string sessionId) =>
        response.WithHeader("Set-Cookie", $"{SessionCookieName}={sessionId}; Path=/; HttpOnly");

    private static string NewSessionId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string? ReadCookie(EmulatorRequest request, string name)
    {
        foreach (var header in request.GetHeaderValues("Cookie"))
        {
            foreach (var pair in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && string.Equals(pair[..equals], name, StringComparison.Ordinal))
                {
                    return pair[(equals + 1)..];
                }
            }
        }

        return null;
    }

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 2 ? email : $"{email[..2]}*****{email[at..]}";
    }

    private sealed record PendingMfa(string? Service, string Code, DateTimeOffset ExpiresAt);
}
