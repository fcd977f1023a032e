using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.Strava.StravaTestSupport;

namespace FitnessClients.Testing.Tests.Strava;

public class StravaOAuthTests
{
    private const string Redirect = "http://127.0.0.1:5000/authorization";

    private static string AuthorizeUrl(StravaEmulator strava, string scope) =>
        $"oauth/authorize?client_id={strava.RegisteredClientId}&redirect_uri={Uri.EscapeDataString(Redirect)}&response_type=code&approval_prompt=auto&scope={Uri.EscapeDataString(scope)}&state=xyz";

    private static Dictionary<string, string> Query(Uri location) =>
        location.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    [Test]
    public async Task Code_exchange_then_refresh_keeps_tokens_within_an_hour_rotates_after_and_the_old_refresh_token_dies()
    {
        var clock = new FakeTimeProvider(Now);
        var strava = Create(10, clock);
        using var http = strava.CreateClient();

        using var authorize = await http.GetAsync(new Uri(AuthorizeUrl(strava, "read,activity:read_all"), UriKind.Relative));
        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var location = authorize.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(Redirect));
        var query = Query(location);
        Assert.That(query["state"], Is.EqualTo("xyz"));
        Assert.That(query["scope"], Is.EqualTo("read,activity:read_all"));

        using var exchange = await http.SendAsync(TokenRequest(strava, ("code", query["code"]), ("grant_type", "authorization_code")));
        Assert.That(exchange.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var first = await JsonAsync(exchange);
        Assert.That(first["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(first["expires_in"]!.GetValue<long>(), Is.EqualTo(21_600));
        Assert.That(first["expires_at"]!.GetValue<long>(), Is.EqualTo(Now.AddHours(6).ToUnixTimeSeconds()));
        Assert.That(first["athlete"]!["id"]!.GetValue<long>(), Is.EqualTo(strava.AthleteId));
        Assert.That(first["access_token"]!.GetValue<string>(), Does.Match("^[0-9a-f]{40}$"));
        Assert.That(first.AsObject().ContainsKey("scope"), Is.False);

        clock.Advance(TimeSpan.FromHours(4)); // 2 h left: the same tokens come back
        using var early = await http.SendAsync(TokenRequest(strava, ("grant_type", "refresh_token"), ("refresh_token", first["refresh_token"]!.GetValue<string>())));
        var same = await JsonAsync(early);
        Assert.That(same["access_token"]!.GetValue<string>(), Is.EqualTo(first["access_token"]!.GetValue<string>()));
        Assert.That(same["refresh_token"]!.GetValue<string>(), Is.EqualTo(first["refresh_token"]!.GetValue<string>()));
        Assert.That(same["expires_in"]!.GetValue<long>(), Is.EqualTo(7_200));
        Assert.That(same.AsObject().ContainsKey("athlete"), Is.False);

        clock.Advance(TimeSpan.FromHours(1.5)); // 30 min left: rotation
        using var late = await http.SendAsync(TokenRequest(strava, ("grant_type", "refresh_token"), ("refresh_token", first["refresh_token"]!.GetValue<string>())));
        var rotated = await JsonAsync(late);
        Assert.That(rotated["access_token"]!.GetValue<string>(), Is.Not.EqualTo(first["access_token"]!.GetValue<string>()));
        Assert.That(rotated["refresh_token"]!.GetValue<string>(), Is.Not.EqualTo(first["refresh_token"]!.GetValue<string>()));
        Assert.That(rotated["expires_in"]!.GetValue<long>(), Is.EqualTo(21_600));

        using var dead = await http.SendAsync(TokenRequest(strava, ("grant_type", "refresh_token"), ("refresh_token", first["refresh_token"]!.GetValue<string>())));
        Assert.That(dead.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await dead.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Bad Request", "RefreshToken", "refresh_token", "invalid")));

        // The code works once (a replay also ends the grant it produced, as RFC 6749 section 4.1.2 advises).
        using var reuse = await http.SendAsync(TokenRequest(strava, ("code", query["code"]), ("grant_type", "authorization_code")));
        Assert.That(await reuse.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Bad Request", "AuthorizationCode", "code", "invalid")));
    }

    [Test]
    public async Task Wrong_client_secret_gets_the_application_error_and_basic_auth_is_not_accepted()
    {
        var strava = Create(5);
        using var http = strava.CreateClient();
        var tokens = strava.IssueTokens();
        var request = TokenRequest(strava, ("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken), ("client_secret", "wrong"));
        using var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Bad Request", "Application", "client_id", "invalid")));
    }

    [Test]
    public async Task Authorize_grants_fewer_scopes_when_configured_and_denies_with_access_denied()
    {
        var fewer = Create(5, configure: o => o.GrantedScopes = ["read", "activity:read"]);
        using var http = fewer.CreateClient();
        using var response = await http.GetAsync(new Uri(AuthorizeUrl(fewer, "read,activity:read_all,activity:read"), UriKind.Relative));
        Assert.That(Query(response.Headers.Location!)["scope"], Is.EqualTo("read,activity:read"));

        var denying = Create(5, configure: o => o.DenyAuthorization = true);
        using var denied = await denying.CreateClient().GetAsync(new Uri(AuthorizeUrl(denying, "read"), UriKind.Relative));
        var query = Query(denied.Headers.Location!);
        Assert.That(query["error"], Is.EqualTo("access_denied"));
        Assert.That(query.ContainsKey("code"), Is.False);

        using var legacy = await http.GetAsync(new Uri(AuthorizeUrl(fewer, "view_private"), UriKind.Relative));
        Assert.That(await legacy.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Bad Request", "Authorize", "scope", "invalid")));
    }

    [Test]
    public async Task Deauthorize_ends_every_token_of_the_grant()
    {
        var strava = Create(5);
        using var http = AuthorizedClient(strava);
        Assert.That((await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var deauthorize = await http.PostAsync(new Uri("oauth/deauthorize", UriKind.Relative), null);
        Assert.That(deauthorize.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await JsonAsync(deauthorize))["access_token"], Is.Not.Null);

        using var after = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await after.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Authorization Error", "Athlete", "access_token", "invalid")));
        Assert.That(strava.Deauthorizations, Is.EqualTo(1));
    }
}
