using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>
/// Tickets, tokens, passwords, MFA codes, cookies and OAuth1 secrets never reach an exception (message, inner
/// exceptions, excerpt) or a log entry, even when the service echoes them back.
/// </summary>
public class SecretLeakTests
{
    private const string ClientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2";

    private static void AssertClean(Exception? ex, IEnumerable<string> logs, params string[] secrets)
    {
        Assert.That(ex, Is.Not.Null);
        var texts = new List<string> { ex!.ToString() };
        if (ex is Core.FitnessApiException api)
        {
            texts.Add(api.ResponseExcerpt ?? string.Empty);
            texts.Add(api.RequestUri?.ToString() ?? string.Empty);
        }

        texts.AddRange(logs);
        foreach (var secret in secrets)
        {
            foreach (var text in texts)
            {
                Assert.That(text, Does.Not.Contain(secret), $"a secret leaked into: {text}");
            }
        }
    }

    [Test]
    public void A_refused_ticket_echoed_back_by_diauth_stays_out_of_the_exception_and_logs()
    {
        using var h = new AuthHarness();
        var logs = new CapturingLoggerFactory();
        h.Options.LoggerFactory = logs;
        var ticket = TestSecrets.Ticket();
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.OAuthError(HttpStatusCode.BadRequest, "invalid_grant", "Invalid service ticket " + ticket));

        var ex = Assert.ThrowsAsync<Core.AuthenticationRequiredException>(() => h.Authenticator().LoginWithTicketAsync(ticket));

        AssertClean(ex, logs.Entries, ticket);
    }

    [Test]
    public void An_sso_error_page_echoing_the_password_stays_out_of_the_exception()
    {
        using var h = new AuthHarness();
        var logs = new CapturingLoggerFactory();
        h.Options.LoggerFactory = logs;
        var password = TestSecrets.Opaque("pw");
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent($"bad request for jane@example.com with {password}", Encoding.UTF8, "text/plain"),
        });

        var ex = Assert.ThrowsAsync<Core.FitnessApiException>(() => h.Authenticator().StartLoginAsync("jane@example.com", password));

        AssertClean(ex, logs.Entries, password);
    }

    [Test]
    public async Task A_wrong_code_echoed_in_the_status_message_stays_out_of_the_exception()
    {
        using var h = new AuthHarness();
        var logs = new CapturingLoggerFactory();
        h.Options.LoggerFactory = logs;
        var password = TestSecrets.Opaque("pw");
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email", setCookies: ["SESSIONID=cookie-value-xyz; Path=/"]));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, r => AuthHarness.Sso(HttpStatusCode.BadRequest, "INVALID_MFA_CODE", message: "code 918273 is not valid"));
        var authenticator = h.Authenticator();
        using var challenge = (await authenticator.StartLoginAsync("jane@example.com", password)).MfaChallenge!;

        var ex = Assert.ThrowsAsync<GarminMfaCodeRejectedException>(() => authenticator.CompleteMfaAsync(challenge, "918273"));

        AssertClean(ex, logs.Entries, "918273", password, "cookie-value-xyz");
        Assert.That(challenge.ToString(), Does.Not.Contain("cookie-value-xyz"));
    }

    [Test]
    public async Task A_whole_mfa_login_logs_no_secret()
    {
        using var h = new AuthHarness();
        var logs = new CapturingLoggerFactory();
        h.Options.LoggerFactory = logs;
        var password = TestSecrets.Opaque("pw");
        var ticket = TestSecrets.Ticket();
        var access = TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24));
        var refresh = TestSecrets.Opaque("refresh");
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email", setCookies: ["SESSIONID=cookie-value-abc; Path=/"]));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", ticket));
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(access, refresh));
        h.On(HttpMethod.Get, AuthHarness.ProfileUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject()));

        var token = await h.Authenticator(verify: true).LoginAsync("jane@example.com", password, _ => ValueTask.FromResult("564738"));

        Assert.That(logs.Entries, Is.Not.Empty);
        foreach (var secret in new[] { password, ticket, access, refresh, "564738", "cookie-value-abc" })
        {
            Assert.That(logs.Entries, Has.None.Contains(secret));
        }

        Assert.That(token.ToString(), Does.Not.Contain(access).And.Not.Contain(refresh));
    }

    [Test]
    public void A_failed_garth_re_exchange_leaks_neither_oauth1_secrets_nor_the_consumer_secret()
    {
        using var h = new AuthHarness();
        var logs = new CapturingLoggerFactory();
        h.Options.LoggerFactory = logs;
        var garth = new GarthFixtures(h.Clock.GetUtcNow(), expired: true);
        var consumerSecret = TestSecrets.Opaque("consumer-secret");
        h.On(HttpMethod.Post, AuthHarness.ExchangeUrl, r => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("rejected: " + r.Header("Authorization") + " body " + r.Body, Encoding.UTF8, "text/plain"),
        });

        var ex = Assert.ThrowsAsync<Core.AuthenticationRequiredException>(() =>
            h.Authenticator(o => o.OAuth1Consumer = new GarminOAuth1Consumer("consumer-key", consumerSecret)).ImportGarthSessionAsync(garth.GarthToken()));

        AssertClean(ex, logs.Entries, [.. garth.Secrets, consumerSecret]);
    }

    [Test]
    public void The_consumer_credentials_print_without_the_secret()
    {
        var consumer = new GarminOAuth1Consumer("key-123", "secret-456");

        Assert.That(consumer.ToString(), Does.Contain("key-123").And.Not.Contain("secret-456"));
    }

    [Test]
    public void An_import_of_an_unusable_token_file_never_shows_its_content()
    {
        using var h = new AuthHarness();
        var secret = TestSecrets.Opaque("refresh");
        var json = new JsonObject { ["di_refresh_token"] = secret, ["di_client_id"] = ClientId }.ToJsonString();

        var ex = Assert.ThrowsAsync<TokenStoreException>(() => h.Authenticator().ImportGarminConnectTokensAsync(json));

        AssertClean(ex, [], secret);
    }
}
