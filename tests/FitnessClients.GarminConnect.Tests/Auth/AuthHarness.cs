using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>MockHttp behind a <see cref="GarminAuthenticator"/>, with a fake clock, an in-memory store and a log of every request.</summary>
internal sealed class AuthHarness : IDisposable
{
    public const string DiAuthUrl = "https://diauth.garmin.com/di-oauth2-service/oauth/token";
    public const string LoginUrl = "https://sso.garmin.com/mobile/api/login";
    public const string VerifyCodeUrl = "https://sso.garmin.com/mobile/api/mfa/verifyCode";
    public const string ProfileUrl = "https://connectapi.garmin.com/userprofile-service/socialProfile";
    public const string ExchangeUrl = "https://connectapi.garmin.com/oauth-service/oauth/exchange/user/2.0";

    private readonly List<GarminAuthenticator> _authenticators = [];

    public AuthHarness(string domain = GarminDomains.Global)
    {
        Options = new GarminConnectClientOptions
        {
            Domain = domain,
            TokenStore = Store,
            TokenKey = "garmin-test",
            TimeProvider = Clock,
            PrimaryHandler = Mock,
        };
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public InMemoryTokenStore Store { get; } = new();

    public GarminConnectClientOptions Options { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public IReadOnlyList<RecordedRequest> RequestsTo(string url) =>
        Requests.Where(r => r.Uri.GetLeftPart(UriPartial.Path) == url).ToList();

    public GarminAuthenticator Authenticator(Action<GarminAuthenticatorOptions>? configure = null, bool verify = false)
    {
        var auth = new GarminAuthenticatorOptions { VerifyToken = verify };
        configure?.Invoke(auth);
        var authenticator = new GarminAuthenticator(Options, auth);
        _authenticators.Add(authenticator);
        return authenticator;
    }

    /// <summary>Answers every request to <paramref name="url"/> (any query) with <paramref name="respond"/>, recording it first.</summary>
    public MockedRequest On(HttpMethod method, string url, Func<RecordedRequest, HttpResponseMessage> respond) =>
        Mock.When(method, url).Respond(async request =>
        {
            var recorded = await RecordedRequest.FromAsync(request);
            lock (Requests)
            {
                Requests.Add(recorded);
            }

            return respond(recorded);
        });

    /// <summary>Answers in turn with <paramref name="responses"/> (the last one repeats).</summary>
    public void OnSequence(HttpMethod method, string url, params Func<RecordedRequest, HttpResponseMessage>[] responses)
    {
        var index = 0;
        On(method, url, r => responses[Math.Min(index++, responses.Length - 1)](r));
    }

    public async Task<OAuthToken?> StoredTokenAsync() => await Store.LoadAsync(Options.TokenKey);

    public void Dispose()
    {
        foreach (var authenticator in _authenticators)
        {
            authenticator.Dispose();
        }

        Mock.Dispose();
    }

    public static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Html(HttpStatusCode status, string html) =>
        new(status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

    /// <summary>A diauth token response as Garmin sends it.</summary>
    public static HttpResponseMessage DiToken(string accessToken, string refreshToken, long expiresIn = 86400) =>
        Json(HttpStatusCode.OK, new JsonObject
        {
            ["scope"] = "CONNECT_READ CONNECT_WRITE",
            ["jti"] = Guid.NewGuid().ToString(),
            ["access_token"] = accessToken,
            ["token_type"] = "bearer",
            ["refresh_token"] = refreshToken,
            ["expires_in"] = expiresIn,
            ["refresh_token_expires_in"] = 2591999,
        });

    public static HttpResponseMessage OAuthError(HttpStatusCode status, string error, string description = "refused") =>
        Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });

    /// <summary>An SSO mobile API answer with the reference's shape.</summary>
    public static HttpResponseMessage Sso(HttpStatusCode status, string type, string? ticket = null, string? mfaMethod = null, string message = "", params string[] setCookies)
    {
        var body = new JsonObject
        {
            ["serviceURL"] = ticket is null ? null : "https://mobile.integration.garmin.com/gcm/ios",
            ["serviceTicketId"] = ticket,
            ["responseStatus"] = new JsonObject { ["type"] = type, ["message"] = message, ["httpStatus"] = status == HttpStatusCode.OK ? "OK" : status.ToString().ToUpperInvariant() },
            ["responseReason"] = null,
            ["customerMfaInfo"] = mfaMethod is null ? null : new JsonObject
            {
                ["email"] = "ja*****@example.com",
                ["phoneNumber"] = null,
                ["mfaLastMethodUsed"] = mfaMethod,
                ["defaultMfaMethod"] = null,
            },
            ["consentTypeList"] = null,
            ["captchaAlreadyPassed"] = false,
            ["samlResponse"] = null,
            ["authType"] = ticket is null ? null : "CAS",
        };
        var response = Json(status, body);
        foreach (var cookie in setCookies)
        {
            response.Headers.TryAddWithoutValidation("Set-Cookie", cookie);
        }

        return response;
    }
}
