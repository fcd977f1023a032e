using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>The composite refresher picks DI refresh or the garth OAuth1 re-exchange per token.</summary>
public class GarminTokenRefresherTests
{
    private const string ClientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2";

    private static GarminTokenRefresher Refresher(AuthHarness h, HttpClient client, GarminOAuth1Consumer? consumer = null) =>
        new(client, new Uri(AuthHarness.DiAuthUrl), new Uri("https://connectapi.garmin.com/"), consumer, h.Clock);

    private static OAuthToken GarthToken(string accessToken, string? refreshToken = "garth-refresh") => new()
    {
        AccessToken = accessToken,
        RefreshToken = refreshToken,
        ExpiresAt = DateTimeOffset.UnixEpoch,
        Extras = ImmutableDictionary<string, string>.Empty
            .Add(GarminTokenExtras.GarthOAuth1Token, "o1")
            .Add(GarminTokenExtras.GarthOAuth1TokenSecret, "o1s"),
    };

    [Test]
    public async Task A_di_token_is_refreshed_with_the_refresh_token_grant_and_its_client_id()
    {
        using var h = new AuthHarness();
        using var client = new HttpClient(h.Mock);
        var newAccess = TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddDays(1));
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(newAccess, "rotated"));
        var current = new OAuthToken
        {
            AccessToken = "old",
            RefreshToken = "current-refresh",
            Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, ClientId).Add(GarminTokenExtras.Domain, "garmin.com"),
        };

        var token = await Refresher(h, client, new GarminOAuth1Consumer("k", "s")).RefreshAsync(current);

        Assert.That(h.Requests.Single().Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = "current-refresh",
            ["client_id"] = ClientId,
        }));
        Assert.That(token.AccessToken, Is.EqualTo(newAccess));
        Assert.That(token.RefreshToken, Is.EqualTo("rotated"));
        Assert.That(token.Extras[GarminTokenExtras.Domain], Is.EqualTo("garmin.com"));
    }

    [Test]
    public void A_dead_di_refresh_token_becomes_authentication_required()
    {
        using var h = new AuthHarness();
        using var client = new HttpClient(h.Mock);
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.OAuthError(HttpStatusCode.BadRequest, "invalid_grant", "Invalid refresh token: x"));
        var current = new OAuthToken { AccessToken = "old", RefreshToken = "dead", Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, ClientId) };

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Refresher(h, client).RefreshAsync(current));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task A_garth_token_is_re_exchanged_when_consumer_credentials_were_given()
    {
        using var h = new AuthHarness();
        using var client = new HttpClient(h.Mock);
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = "exchanged", ["expires_in"] = 3600 }));

        var token = await Refresher(h, client, new GarminOAuth1Consumer("k", "s")).RefreshAsync(GarthToken(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow())));

        Assert.That(h.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(AuthHarness.ExchangeUrl));
        Assert.That(token.AccessToken, Is.EqualTo("exchanged"));
        Assert.That(token.RefreshToken, Is.EqualTo("garth-refresh"), "the previous refresh token is kept when the exchange sends none");
    }

    [Test]
    public void A_garth_token_without_consumer_credentials_or_a_di_jwt_explains_the_options()
    {
        using var h = new AuthHarness();
        using var client = new HttpClient(h.Mock);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Refresher(h, client).RefreshAsync(GarthToken("opaque-garth-access")));

        Assert.That(h.Requests, Is.Empty);
        Assert.That(ex!.Message, Does.Contain("consumer key and secret").And.Contain("service ticket").And.Contain("garth"));
    }

    [Test]
    public async Task A_garth_token_naming_a_di_client_is_tried_at_diauth_when_no_consumer_is_given()
    {
        using var h = new AuthHarness();
        using var client = new HttpClient(h.Mock);
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken("via-diauth", "new-refresh"));

        var token = await Refresher(h, client).RefreshAsync(GarthToken(TestSecrets.Jwt("GARMIN_CONNECT_MOBILE_ANDROID_DI", h.Clock.GetUtcNow())));

        Assert.That(h.Requests.Single().Form["client_id"], Is.EqualTo("GARMIN_CONNECT_MOBILE_ANDROID_DI"));
        Assert.That(token.AccessToken, Is.EqualTo("via-diauth"));
    }

    [Test]
    public void When_that_diauth_attempt_is_refused_the_garth_options_are_explained()
    {
        using var h = new AuthHarness();
        using var client = new HttpClient(h.Mock);
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.OAuthError(HttpStatusCode.BadRequest, "invalid_grant"));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Refresher(h, client).RefreshAsync(GarthToken(TestSecrets.Jwt("GARMIN_CONNECT_MOBILE_ANDROID_DI", h.Clock.GetUtcNow()))));

        Assert.That(ex!.Message, Does.Contain("consumer key and secret"));
        Assert.That(ex.InnerException, Is.InstanceOf<AuthenticationRequiredException>());
    }

    [Test]
    public void A_di_token_without_a_refresh_token_asks_for_a_new_sign_in()
    {
        using var h = new AuthHarness();
        using var client = new HttpClient(h.Mock);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Refresher(h, client).RefreshAsync(new OAuthToken { AccessToken = "a" }));

        Assert.That(ex!.Message, Does.Contain("Sign in again"));
    }

    [Test]
    public async Task The_options_constructor_uses_the_options_endpoints_and_primary_handler()
    {
        using var h = new AuthHarness();
        h.Options.DiAuthTokenEndpoint = new Uri("https://diauth.example.test/token");
        h.On(HttpMethod.Post, "https://diauth.example.test/token", _ => AuthHarness.DiToken("a2", "r2"));
        using var refresher = new GarminTokenRefresher(h.Options);

        var token = await refresher.RefreshAsync(new OAuthToken { AccessToken = "a", RefreshToken = "r", Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, ClientId) });

        Assert.That(token.AccessToken, Is.EqualTo("a2"));
        Assert.That(h.Requests.Single().Header("X-Garmin-User-Agent"), Does.StartWith("com.garmin.android.apps.connectmobile/"));
    }
}
