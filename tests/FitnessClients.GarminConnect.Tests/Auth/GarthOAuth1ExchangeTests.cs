using System.Collections.Immutable;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>The garth re-exchange request: URL, headers, form body and the OAuth 1.0a signature.</summary>
public class GarthOAuth1ExchangeTests
{
    private static OAuthToken GarthToken(string? mfaToken = "MFA-0000-abc-cas")
    {
        var extras = ImmutableDictionary<string, string>.Empty
            .Add(GarminTokenExtras.GarthOAuth1Token, "oauth1-token")
            .Add(GarminTokenExtras.GarthOAuth1TokenSecret, "oauth1 secret/with+specials")
            .Add(GarminTokenExtras.Domain, "garmin.com");
        if (mfaToken is not null)
        {
            extras = extras.Add(GarminTokenExtras.GarthMfaToken, mfaToken);
        }

        return new OAuthToken { AccessToken = "old-access", RefreshToken = "old-refresh", ExpiresAt = DateTimeOffset.UnixEpoch, Extras = extras };
    }

    private static GarthOAuth1Exchanger Exchanger(AuthHarness h, HttpClient client) =>
        new(client, new Uri("https://connectapi.garmin.com"), new GarminOAuth1Consumer("consumer-key", "consumer-secret"), h.Clock) { NonceFactory = () => "fixednonce" };

    [Test]
    public async Task The_exchange_is_an_oauth1_signed_form_post_with_garths_user_agent()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = "new-access", ["refresh_token"] = "new-refresh", ["expires_in"] = 75017, ["token_type"] = "bearer", ["scope"] = "A B" }));
        using var client = new HttpClient(h.Mock);

        var token = await Exchanger(h, client).ExchangeAsync(GarthToken(), default);

        var request = h.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Uri.AbsoluteUri, Is.EqualTo(AuthHarness.ExchangeUrl));
        Assert.That(request.Header("User-Agent"), Is.EqualTo("com.garmin.android.apps.connectmobile"));
        Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(request.Body, Is.EqualTo("mfa_token=MFA-0000-abc-cas"));

        var authorization = request.Header("Authorization")!;
        Assert.That(authorization, Does.StartWith("OAuth "));
        var fields = OAuth1SignerTests.Parse(authorization["OAuth ".Length..]);
        var timestamp = h.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = "consumer-key",
            ["oauth_nonce"] = "fixednonce",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = timestamp,
            ["oauth_token"] = "oauth1-token",
            ["oauth_version"] = "1.0",
            ["oauth_signature"] = fields["oauth_signature"],
        }));

        // The signature, computed here independently of the signer: the base string by hand, HMAC-SHA1 keyed with
        // the encoded consumer secret and token secret.
        var baseString = "POST&https%3A%2F%2Fconnectapi.garmin.com%2Foauth-service%2Foauth%2Fexchange%2Fuser%2F2.0&" +
            "mfa_token%3DMFA-0000-abc-cas%26oauth_consumer_key%3Dconsumer-key%26oauth_nonce%3Dfixednonce%26oauth_signature_method%3DHMAC-SHA1" +
            $"%26oauth_timestamp%3D{timestamp}%26oauth_token%3Doauth1-token%26oauth_version%3D1.0";
#pragma warning disable CA5350 // the algorithm under test
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.ASCII.GetBytes("consumer-secret&oauth1%20secret%2Fwith%2Bspecials"), Encoding.ASCII.GetBytes(baseString)));
#pragma warning restore CA5350
        Assert.That(Uri.UnescapeDataString(fields["oauth_signature"]), Is.EqualTo(expected));

        Assert.That(token.AccessToken, Is.EqualTo("new-access"));
        Assert.That(token.RefreshToken, Is.EqualTo("new-refresh"));
        Assert.That(token.ExpiresAt, Is.EqualTo(h.Clock.GetUtcNow().AddSeconds(75017)));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "A", "B" }));
        Assert.That(token.Extras[GarminTokenExtras.GarthOAuth1Token], Is.EqualTo("oauth1-token"));
    }

    [Test]
    public async Task Without_an_mfa_token_the_body_is_empty()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = "a" }));
        using var client = new HttpClient(h.Mock);

        await Exchanger(h, client).ExchangeAsync(GarthToken(mfaToken: null), default);

        Assert.That(h.Requests.Single().Body, Is.Empty);
    }

    [Test]
    public void A_401_asks_for_a_new_sign_in()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => AuthHarness.Html(HttpStatusCode.Unauthorized, "<html><title>OAuthToken is invalid</title></html>"));
        using var client = new HttpClient(h.Mock);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => Exchanger(h, client).ExchangeAsync(GarthToken(), default));

        Assert.That(ex!.Message, Does.Contain("OAuth1 token").And.Contain("service ticket"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void A_429_is_not_retried_and_resumes_no_earlier_than_an_hour()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests));
        using var client = new HttpClient(h.Mock);

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => Exchanger(h, client).ExchangeAsync(GarthToken(), default));

        Assert.That(h.Requests, Has.Count.EqualTo(1));
        Assert.That(ex!.ResumeAt, Is.EqualTo(h.Clock.GetUtcNow().AddHours(1)));
        Assert.That(ex.Window, Is.EqualTo("garmin-oauth-exchange"));
    }

    [Test]
    public void A_success_without_an_access_token_is_refused_without_echoing_the_body()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject { ["refresh_token"] = "leaky-refresh" }));
        using var client = new HttpClient(h.Mock);

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => Exchanger(h, client).ExchangeAsync(GarthToken(), default));

        Assert.That(ex!.Message, Does.Contain("no access_token").And.Not.Contain("leaky-refresh"));
    }
}
