using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Core;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>The optional socialProfile check before a new token is stored, and logout.</summary>
public class TokenVerificationTests
{
    private const string ClientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2";

    [Test]
    public async Task A_new_token_is_checked_with_social_profile_before_it_is_stored()
    {
        using var h = new AuthHarness();
        var access = TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24));
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(access, "r"));
        h.On(HttpMethod.Get, AuthHarness.ProfileUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject { ["displayName"] = "jane" }));

        await h.Authenticator(verify: true).LoginWithTicketAsync(TestSecrets.Ticket());

        var check = h.RequestsTo(AuthHarness.ProfileUrl).Single();
        Assert.That(check.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(check.Header("Authorization"), Is.EqualTo("Bearer " + access));
        Assert.That(check.Header("User-Agent"), Is.EqualTo("GCM-Android-5.23"));
        Assert.That(check.Header("X-Garmin-Paired-App-Version"), Is.EqualTo("10861"));
        Assert.That(await h.StoredTokenAsync(), Is.Not.Null);
    }

    [Test]
    public async Task A_token_the_data_api_refuses_is_not_stored()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24)), "r"));
        h.On(HttpMethod.Get, AuthHarness.ProfileUrl, _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ParseAdd("Bearer error=\"invalid_token\", error_description=\"Token is not active\"");
            return response;
        });

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => h.Authenticator(verify: true).LoginWithTicketAsync(TestSecrets.Ticket()));

        Assert.That(ex!.Message, Does.Contain("Token is not active").And.Contain("not stored"));
        Assert.That(ex.TokenKey, Is.EqualTo("garmin-test"));
        Assert.That(await h.StoredTokenAsync(), Is.Null);
    }

    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task A_check_that_fails_for_other_reasons_still_stores_the_token(HttpStatusCode status)
    {
        using var h = new AuthHarness();
        var logs = new CapturingLoggerFactory();
        h.Options.LoggerFactory = logs;
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24)), "r"));
        h.On(HttpMethod.Get, AuthHarness.ProfileUrl, _ => new HttpResponseMessage(status));

        await h.Authenticator(verify: true).LoginWithTicketAsync(TestSecrets.Ticket());

        Assert.That(await h.StoredTokenAsync(), Is.Not.Null);
        Assert.That(logs.Entries, Has.Some.Contains("could not be checked"));
    }

    [Test]
    public async Task The_check_uses_the_options_base_address()
    {
        using var h = new AuthHarness();
        h.Options.BaseAddress = new Uri("https://emulator.test/api");
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24)), "r"));
        h.On(HttpMethod.Get, "https://emulator.test/api/userprofile-service/socialProfile", _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject()));

        await h.Authenticator(verify: true).LoginWithTicketAsync(TestSecrets.Ticket());

        Assert.That(h.Requests.Select(r => r.Uri.AbsoluteUri), Has.Member("https://emulator.test/api/userprofile-service/socialProfile"));
    }

    [Test]
    public async Task Logout_deletes_the_stored_token()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24)), "r"));
        var authenticator = h.Authenticator();
        await authenticator.LoginWithTicketAsync(TestSecrets.Ticket());

        Assert.That(await authenticator.LogoutAsync(), Is.True);
        Assert.That(await h.StoredTokenAsync(), Is.Null);
        Assert.That(await authenticator.LogoutAsync(), Is.False);
    }

    [Test]
    public void The_authenticator_needs_a_token_store()
    {
        var options = new GarminConnectClientOptions();

        var ex = Assert.Throws<ArgumentException>(() => new GarminAuthenticator(options));

        Assert.That(ex!.Message, Does.Contain("TokenStore"));
    }
}
