using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Strava.Tests.Auth;

/// <summary>
/// Strava's token endpoint as the reference describes it: codes work once, a refresh returns the same access token
/// while it has more than an hour left, and a rotated refresh token invalidates the old one at once.
/// </summary>
internal sealed class StravaTokenEndpointFake
{
    public const string ClientId = "12345";
    public const string ClientSecret = "sekret-client-value-9f8e7d";
    public const string OAuthRoot = "https://oauth.test/oauth/";

    private readonly FakeTimeProvider _clock;
    private readonly Lock _gate = new();
    private int _generation;

    public StravaTokenEndpointFake(FakeTimeProvider clock)
    {
        _clock = clock;
        Handler.When(HttpMethod.Post, OAuthRoot + "token").Respond(Respond);
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public string? ValidCode { get; set; }

    public string AccessToken { get; set; } = "access-0";

    public string RefreshToken { get; set; } = "refresh-0";

    public DateTimeOffset AccessExpiresAt { get; set; }

    public bool RotateRefreshToken { get; set; } = true;

    public int RefreshCalls { get; private set; }

    public int ExchangeCalls { get; private set; }

    public List<Dictionary<string, string>> Forms { get; } = [];

    public string AthleteJson { get; set; } = """{"id":16181809,"username":"jane","resource_state":2,"firstname":"Jane","lastname":"Doe"}""";

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var form = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()
            .Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        lock (_gate)
        {
            Forms.Add(form);
            if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
            {
                return Error("""{"message":"Bad Request","errors":[{"resource":"Application","field":"client_id","code":"invalid"}]}""");
            }

            var now = _clock.GetUtcNow();
            switch (form.GetValueOrDefault("grant_type"))
            {
                case "authorization_code":
                    ExchangeCalls++;
                    if (ValidCode is null || form.GetValueOrDefault("code") != ValidCode)
                    {
                        return Error("""{"message":"Bad Request","errors":[{"resource":"AuthorizationCode","field":"code","code":"invalid"}]}""");
                    }

                    ValidCode = null;
                    Issue(now);
                    return Json(TokenBody(includeAthlete: true));
                case "refresh_token":
                    RefreshCalls++;
                    if (form.GetValueOrDefault("refresh_token") != RefreshToken)
                    {
                        return Error("""{"message":"Bad Request","errors":[{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}]}""");
                    }

                    if (AccessExpiresAt - now <= TimeSpan.FromHours(1))
                    {
                        Issue(now);
                    }

                    return Json(TokenBody(includeAthlete: false));
                default:
                    return Error("""{"message":"Bad Request","errors":[{"resource":"Application","field":"grant_type","code":"invalid"}]}""");
            }
        }
    }

    private void Issue(DateTimeOffset now)
    {
        _generation++;
        AccessToken = "access-" + _generation.ToString(CultureInfo.InvariantCulture);
        if (RotateRefreshToken)
        {
            RefreshToken = "refresh-" + _generation.ToString(CultureInfo.InvariantCulture);
        }

        AccessExpiresAt = now.AddHours(6);
    }

    private string TokenBody(bool includeAthlete)
    {
        var expiresAt = AccessExpiresAt.ToUnixTimeSeconds();
        var expiresIn = (long)(AccessExpiresAt - _clock.GetUtcNow()).TotalSeconds;
        var body = $$"""{"token_type":"Bearer","access_token":{{JsonSerializer.Serialize(AccessToken)}},"expires_at":{{expiresAt}},"expires_in":{{expiresIn}},"refresh_token":{{JsonSerializer.Serialize(RefreshToken)}}""";
        return includeAthlete ? body + ",\"athlete\":" + AthleteJson + "}" : body + "}";
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Error(string body) =>
        new(HttpStatusCode.BadRequest) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
