using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Core;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>The SSO mobile JSON login with MockHttp: request shapes, MFA, cookies and every error signature.</summary>
public class SsoLoginTests
{
    private const string Email = "jane@example.com";
    private const string ClientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2";

    private static void DiauthAccepts(AuthHarness h) =>
        h.On(HttpMethod.Post, AuthHarness.DiAuthUrl, _ => AuthHarness.DiToken(TestSecrets.Jwt(ClientId, h.Clock.GetUtcNow().AddHours(24)), TestSecrets.Opaque("refresh")));

    [Test]
    public async Task A_login_without_mfa_posts_the_credentials_as_json_and_exchanges_the_ticket_at_diauth()
    {
        using var h = new AuthHarness();
        var password = TestSecrets.Opaque("pw");
        var ticket = TestSecrets.Ticket();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", ticket));
        DiauthAccepts(h);

        var result = await h.Authenticator().StartLoginAsync(Email, password);

        Assert.That(result.IsMfaRequired, Is.False);
        Assert.That(result.Token, Is.Not.Null);
        var login = h.RequestsTo(AuthHarness.LoginUrl).Single();
        Assert.That(login.Query, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["clientId"] = "GCM_IOS_DARK",
            ["locale"] = "en-US",
            ["service"] = "https://mobile.integration.garmin.com/gcm/ios",
        }));
        Assert.That(login.ContentType, Is.EqualTo("application/json"));
        Assert.That(JsonNode.Parse(login.Body!)!.ToJsonString(), Is.EqualTo(new JsonObject
        {
            ["username"] = Email,
            ["password"] = password,
            ["rememberMe"] = true,
            ["captchaToken"] = string.Empty,
        }.ToJsonString()));
        Assert.That(login.Header("User-Agent"), Does.StartWith("Mozilla/5.0 (iPhone; CPU iPhone OS"));
        Assert.That(login.Header("Accept"), Does.StartWith("application/json"));
        Assert.That(login.Header("Origin"), Is.EqualTo("https://sso.garmin.com"));
        Assert.That(login.Header("Authorization"), Is.Null);

        var exchange = h.RequestsTo(AuthHarness.DiAuthUrl).Single();
        Assert.That(exchange.Form["service_ticket"], Is.EqualTo(ticket));
        Assert.That(exchange.Form["service_url"], Is.EqualTo("https://mobile.integration.garmin.com/gcm/ios"));
        Assert.That(exchange.Header("Origin"), Is.Null, "the SSO headers stay on the SSO client");
        Assert.That((await h.StoredTokenAsync())!.Extras[GarminTokenExtras.Source], Is.EqualTo("sso"));
    }

    [Test]
    public async Task Mfa_keeps_the_sso_cookies_and_sends_the_code_to_verify_code_with_the_same_parameters()
    {
        using var h = new AuthHarness();
        var ticket = TestSecrets.Ticket();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email",
            setCookies: ["SESSIONID=sso-session-1; Path=/; Secure; HttpOnly", "__cflb=lb-pin; Path=/"]));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", ticket));
        DiauthAccepts(h);
        var authenticator = h.Authenticator();

        var result = await authenticator.StartLoginAsync(Email, "pw");

        Assert.That(result.IsMfaRequired, Is.True);
        Assert.That(result.Token, Is.Null);
        using var challenge = result.MfaChallenge!;
        Assert.That(challenge.MfaMethod, Is.EqualTo("email"));
        Assert.That(challenge.Destination, Is.EqualTo("ja*****@example.com"));
        Assert.That(challenge.ExpiresAt, Is.EqualTo(h.Clock.GetUtcNow().AddMinutes(10)));
        Assert.That(await h.StoredTokenAsync(), Is.Null);

        var token = await authenticator.CompleteMfaAsync(challenge, " 123 456 ");

        var verify = h.RequestsTo(AuthHarness.VerifyCodeUrl).Single();
        Assert.That(verify.Query, Is.EquivalentTo(h.RequestsTo(AuthHarness.LoginUrl).Single().Query));
        Assert.That(JsonNode.Parse(verify.Body!)!.ToJsonString(), Is.EqualTo(new JsonObject
        {
            ["mfaMethod"] = "email",
            ["mfaVerificationCode"] = "123456",
            ["rememberMyBrowser"] = true,
            ["reconsentList"] = new JsonArray(),
            ["mfaSetup"] = false,
        }.ToJsonString()));
        Assert.That(verify.Header("Cookie")!.Split("; "), Is.EquivalentTo(new[] { "SESSIONID=sso-session-1", "__cflb=lb-pin" }));
        Assert.That(h.RequestsTo(AuthHarness.LoginUrl).Single().Header("Cookie"), Is.Null);
        Assert.That(h.RequestsTo(AuthHarness.DiAuthUrl).Single().Header("Cookie"), Is.Null, "SSO cookies never reach diauth");
        Assert.That(h.RequestsTo(AuthHarness.DiAuthUrl).Single().Form["service_ticket"], Is.EqualTo(ticket));
        Assert.That(challenge.IsCompleted, Is.True);
        Assert.That(await h.StoredTokenAsync(), Is.EqualTo(token));
    }

    [Test]
    public async Task Each_login_has_its_own_cookie_session()
    {
        using var h = new AuthHarness();
        var logins = 0;
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email", setCookies: [$"SESSIONID=s{++logins}; Path=/"]));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", TestSecrets.Ticket()));
        DiauthAccepts(h);
        var authenticator = h.Authenticator();

        using var first = (await authenticator.StartLoginAsync(Email, "pw")).MfaChallenge!;
        using var second = (await authenticator.StartLoginAsync(Email, "pw")).MfaChallenge!;
        await authenticator.CompleteMfaAsync(first, "111111");
        await authenticator.CompleteMfaAsync(second, "222222");

        Assert.That(h.RequestsTo(AuthHarness.LoginUrl).Select(r => r.Header("Cookie")), Is.EqualTo(new string?[] { null, null }));
        Assert.That(h.RequestsTo(AuthHarness.VerifyCodeUrl).Select(r => r.Header("Cookie")), Is.EqualTo(new[] { "SESSIONID=s1", "SESSIONID=s2" }));
    }

    [Test]
    public async Task A_wrong_code_keeps_the_challenge_usable_for_another_try()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "phone", setCookies: ["SESSIONID=s; Path=/"]));
        h.OnSequence(HttpMethod.Post, AuthHarness.VerifyCodeUrl,
            _ => AuthHarness.Sso(HttpStatusCode.BadRequest, "INVALID_MFA_CODE", message: "mfaCodeInvalid"),
            _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", TestSecrets.Ticket()));
        DiauthAccepts(h);
        var authenticator = h.Authenticator();
        using var challenge = (await authenticator.StartLoginAsync(Email, "pw")).MfaChallenge!;

        var ex = Assert.ThrowsAsync<GarminMfaCodeRejectedException>(() => authenticator.CompleteMfaAsync(challenge, "000000"));
        Assert.That(ex!.ErrorCode, Is.EqualTo("INVALID_MFA_CODE"));
        Assert.That(ex.Message, Does.Not.Contain("000000"));
        Assert.That(challenge.IsCompleted, Is.False);

        await authenticator.CompleteMfaAsync(challenge, "654321");

        Assert.That(h.RequestsTo(AuthHarness.VerifyCodeUrl).Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("mfaMethod").GetString()), Is.EqualTo(new[] { "phone", "phone" }));
        Assert.That(h.RequestsTo(AuthHarness.VerifyCodeUrl).Select(r => r.Header("Cookie")), Is.EqualTo(new[] { "SESSIONID=s", "SESSIONID=s" }));
        Assert.That(challenge.IsCompleted, Is.True);
    }

    [Test]
    public async Task A_completed_challenge_cannot_be_completed_again()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email"));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", TestSecrets.Ticket()));
        DiauthAccepts(h);
        var authenticator = h.Authenticator();
        var challenge = (await authenticator.StartLoginAsync(Email, "pw")).MfaChallenge!;
        await authenticator.CompleteMfaAsync(challenge, "123456");

        Assert.That(() => authenticator.CompleteMfaAsync(challenge, "123456"), Throws.InstanceOf<InvalidOperationException>().Or.InstanceOf<ObjectDisposedException>());
        Assert.That(h.RequestsTo(AuthHarness.VerifyCodeUrl), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_expired_challenge_asks_to_start_again_without_sending_the_code()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email"));
        var authenticator = h.Authenticator(o => o.MfaTimeout = TimeSpan.FromMinutes(5));
        var challenge = (await authenticator.StartLoginAsync(Email, "pw")).MfaChallenge!;
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => authenticator.CompleteMfaAsync(challenge, "123456"));

        Assert.That(ex!.Message, Does.Contain("expired"));
        Assert.That(h.RequestsTo(AuthHarness.VerifyCodeUrl), Is.Empty);
        Assert.That(() => authenticator.CompleteMfaAsync(challenge, "123456"), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task A_disposed_challenge_cannot_be_completed()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email"));
        var authenticator = h.Authenticator();
        var challenge = (await authenticator.StartLoginAsync(Email, "pw")).MfaChallenge!;
        challenge.Dispose();

        Assert.That(() => authenticator.CompleteMfaAsync(challenge, "123456"), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task The_callback_form_asks_again_after_a_wrong_code()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email"));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, r =>
            JsonDocument.Parse(r.Body!).RootElement.GetProperty("mfaVerificationCode").GetString() == "222222"
                ? AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", TestSecrets.Ticket())
                : AuthHarness.Sso(HttpStatusCode.BadRequest, "INVALID_MFA_CODE"));
        DiauthAccepts(h);
        var codes = new Queue<string>(["111111", "222222"]);

        var token = await h.Authenticator().LoginAsync(Email, "pw", _ => ValueTask.FromResult(codes.Dequeue()));

        Assert.That(codes, Is.Empty);
        Assert.That(await h.StoredTokenAsync(), Is.EqualTo(token));
    }

    [Test]
    public void The_callback_form_gives_up_after_the_configured_number_of_codes()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email"));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, _ => AuthHarness.Sso(HttpStatusCode.BadRequest, "INVALID_MFA_CODE"));
        var asked = 0;

        Assert.ThrowsAsync<GarminMfaCodeRejectedException>(() => h.Authenticator(o => o.MaxMfaAttempts = 2).LoginAsync(Email, "pw", _ => ValueTask.FromResult((++asked).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))));

        Assert.That(asked, Is.EqualTo(2));
    }

    [Test]
    public void The_callback_form_without_mfa_never_asks_for_a_code()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL", TestSecrets.Ticket()));
        DiauthAccepts(h);

        Assert.DoesNotThrowAsync(() => h.Authenticator().LoginAsync(Email, "pw", _ => throw new AssertionException("no code needed")));
    }

    [Test]
    public void A_wrong_password_is_authentication_required()
    {
        using var h = new AuthHarness();
        var password = TestSecrets.Opaque("wrong-pw");
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.Unauthorized, "INVALID_USERNAME_PASSWORD", message: "generalLoginInvalidUsernameOrPassword"));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => h.Authenticator().StartLoginAsync(Email, password));

        Assert.That(ex!.Message, Does.Contain("wrong email or password"));
        Assert.That(ex.ErrorCode, Is.EqualTo("INVALID_USERNAME_PASSWORD"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(ex.Message, Does.Not.Contain(password));
        Assert.That(h.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_captcha_is_a_blocked_login_pointing_to_the_ticket_route()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "CAPTCHA_REQUIRED"));

        var ex = Assert.ThrowsAsync<GarminLoginBlockedException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        Assert.That(ex!.Reason, Is.EqualTo(GarminLoginBlockReason.CaptchaRequired));
        Assert.That(ex.ErrorCode, Is.EqualTo("CAPTCHA_REQUIRED"));
        Assert.That(ex.Message, Does.Contain("CAPTCHA").And.Contain("service ticket"));
    }

    [Test]
    public void An_http_429_is_a_rate_limit_of_an_hour_or_more_and_is_not_retried()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        AssertSsoRateLimit(h, ex!);
    }

    [Test]
    public void A_cloudflare_access_denied_page_is_a_rate_limit()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Html(HttpStatusCode.TooManyRequests,
            "<!DOCTYPE html><html><head><title>Access denied | sso.garmin.com used Cloudflare to restrict access</title></head><body>Error 1015</body></html>"));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        AssertSsoRateLimit(h, ex!);
        Assert.That(ex!.Message, Does.Contain("Access denied"));
    }

    [Test]
    public void A_429_inside_a_json_body_is_a_rate_limit()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Json(HttpStatusCode.OK, new JsonObject { ["error"] = new JsonObject { ["status-code"] = "429" } }));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        AssertSsoRateLimit(h, ex!);
    }

    [Test]
    public void A_longer_retry_after_than_an_hour_is_honoured()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(3));
            return response;
        });

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        Assert.That(ex!.ResumeAt, Is.EqualTo(h.Clock.GetUtcNow().AddHours(3)));
    }

    [Test]
    public void A_cloudflare_challenge_is_a_blocked_login_explaining_tls_fingerprinting()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => HtmlErrorPages.CloudflareChallenge());

        var ex = Assert.ThrowsAsync<GarminLoginBlockedException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        Assert.That(ex!.Reason, Is.EqualTo(GarminLoginBlockReason.CloudflareChallenge));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(ex.Message, Does.Contain("TLS fingerprint").And.Contain("March 2026").And.Contain("service ticket").And.Contain("python-garminconnect"));
        Assert.That(h.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_plain_403_is_an_access_denied_block()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Html(HttpStatusCode.Forbidden, "<html><title>Access denied | sso.garmin.com used Cloudflare to restrict access</title><body>Error 1020</body></html>"));

        var ex = Assert.ThrowsAsync<GarminLoginBlockedException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        Assert.That(ex!.Reason, Is.EqualTo(GarminLoginBlockReason.AccessDenied));
    }

    [Test]
    public void A_5xx_is_service_unavailable_and_not_retried()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => new HttpResponseMessage(HttpStatusCode.BadGateway));

        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));
        Assert.That(h.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void An_unknown_response_status_is_reported_with_its_type()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "ACCOUNT_LOCKED", message: "accountLocked"));

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));

        Assert.That(ex!.ErrorCode, Is.EqualTo("ACCOUNT_LOCKED"));
        Assert.That(ex.Message, Does.Contain("ACCOUNT_LOCKED"));
    }

    [Test]
    public void A_success_without_a_ticket_is_an_error()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "SUCCESSFUL"));

        Assert.ThrowsAsync<FitnessApiException>(() => h.Authenticator().StartLoginAsync(Email, "pw"));
        Assert.That(h.RequestsTo(AuthHarness.DiAuthUrl), Is.Empty);
    }

    [Test]
    public async Task A_rate_limit_at_the_mfa_step_leaves_the_challenge_pending()
    {
        using var h = new AuthHarness();
        h.On(HttpMethod.Post, AuthHarness.LoginUrl, _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email"));
        h.On(HttpMethod.Post, AuthHarness.VerifyCodeUrl, _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests));
        var authenticator = h.Authenticator();
        using var challenge = (await authenticator.StartLoginAsync(Email, "pw")).MfaChallenge!;

        Assert.ThrowsAsync<RateLimitExceededException>(() => authenticator.CompleteMfaAsync(challenge, "123456"));

        Assert.That(challenge.IsCompleted, Is.False);
        Assert.That(h.RequestsTo(AuthHarness.VerifyCodeUrl), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_sso_host_follows_the_options()
    {
        using var h = new AuthHarness(GarminDomains.China);
        h.On(HttpMethod.Post, "https://sso.garmin.cn/mobile/api/login", _ => AuthHarness.Sso(HttpStatusCode.OK, "MFA_REQUIRED", mfaMethod: "email"));

        using var challenge = (await h.Authenticator().StartLoginAsync(Email, "pw")).MfaChallenge!;

        var login = h.Requests.Single();
        Assert.That(login.Query["service"], Is.EqualTo("https://mobile.integration.garmin.cn/gcm/ios"));
        Assert.That(login.Header("Origin"), Is.EqualTo("https://sso.garmin.cn"));
    }

    [TestCase("", "pw")]
    [TestCase("  ", "pw")]
    [TestCase("jane@example.com", "")]
    public void Missing_credentials_are_refused_before_any_request(string email, string password)
    {
        using var h = new AuthHarness();

        Assert.ThrowsAsync<ArgumentException>(() => h.Authenticator().StartLoginAsync(email, password));
        Assert.That(h.Requests, Is.Empty);
    }

    private static void AssertSsoRateLimit(AuthHarness h, RateLimitExceededException ex)
    {
        Assert.That(h.Requests, Has.Count.EqualTo(1), "an SSO 429 is never retried");
        Assert.That(ex.ResumeAt, Is.EqualTo(h.Clock.GetUtcNow().AddHours(1)));
        Assert.That(ex.Window, Is.EqualTo("garmin-sso"));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(ex.Message, Does.Contain("few hours").And.Contain("service ticket").And.Contain("python-garminconnect"));
    }
}
