using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>
/// The sign-in routes against <see cref="GarminConnectEmulator"/> in process: its SSO (which needs the session cookie
/// carried by the client, since the in-process handler keeps none), its diauth with single-use tickets and rotating
/// refresh tokens, and its socialProfile, which only accepts tokens its diauth issued.
/// </summary>
public class EmulatorAuthTests
{
    private const string ServiceUrl = "https://mobile.integration.garmin.com/gcm/ios";

    private FakeTimeProvider _clock = null!;
    private GarminConnectEmulator _garmin = null!;
    private HttpMessageHandler _handler = null!;
    private GarminConnectClientOptions _options = null!;
    private GarminConnectEmulatorOptions _emulatorOptions = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        _emulatorOptions = new GarminConnectEmulatorOptions { ActivityCount = 3 };
    }

    [TearDown]
    public void TearDown() => _handler?.Dispose();

    private GarminAuthenticator Start(bool verify = true, Action<GarminConnectEmulatorOptions>? emulator = null, ITokenStore? store = null)
    {
        emulator?.Invoke(_emulatorOptions);
        _garmin = new GarminConnectEmulator(_clock, _emulatorOptions);
        _handler = _garmin.CreateHandler();
        _options = new GarminConnectClientOptions
        {
            TokenStore = store ?? new InMemoryTokenStore(),
            TokenKey = "garmin-emu",
            TimeProvider = _clock,
            PrimaryHandler = _handler,
        };
        return new GarminAuthenticator(_options, new GarminAuthenticatorOptions { VerifyToken = verify });
    }

    private Task<OAuthToken?> Stored() => _options.TokenStore!.LoadAsync(_options.TokenKey).AsTask();

    [Test]
    public async Task Sso_login_without_mfa_stores_a_token_the_data_api_accepts()
    {
        using var auth = Start();

        var result = await auth.StartLoginAsync(_emulatorOptions.Email, _emulatorOptions.Password);

        Assert.That(result.IsMfaRequired, Is.False);
        Assert.That(_garmin.Sso.SuccessfulLogins, Is.EqualTo(1));
        Assert.That(_garmin.ServiceTicketExchanges, Is.EqualTo(1));
        Assert.That(_garmin.DiAuth.IsValidAccessToken(result.Token!.AccessToken), Is.True);
        // The emulator leaves out the newest id by default, so the second one is the first it accepts.
        Assert.That(result.Token.Extras[GarminTokenExtras.DiClientId], Is.EqualTo(GarminEndpoints.DiClientIds[1]));
        Assert.That(_garmin.DiAuth.RejectedRequests, Is.EqualTo(1));
        Assert.That(result.Token.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddHours(24)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(await Stored(), Is.EqualTo(result.Token));
    }

    [Test]
    public async Task Sso_login_with_mfa_carries_the_session_cookie_to_the_code_step()
    {
        using var auth = Start(emulator: o => o.MfaEnabled = true);

        var result = await auth.StartLoginAsync(_emulatorOptions.Email, _emulatorOptions.Password);

        Assert.That(result.IsMfaRequired, Is.True);
        using var challenge = result.MfaChallenge!;
        Assert.That(challenge.MfaMethod, Is.EqualTo("email"));
        Assert.That(challenge.Destination, Does.Contain("*****@example.com"));
        Assert.That(await Stored(), Is.Null);

        var token = await auth.CompleteMfaAsync(challenge, _garmin.Sso.LastMfaCode!);

        Assert.That(_garmin.Sso.SuccessfulLogins, Is.EqualTo(1));
        Assert.That(_garmin.DiAuth.IsValidAccessToken(token.AccessToken), Is.True);
        Assert.That(await Stored(), Is.EqualTo(token));
    }

    [Test]
    public async Task A_wrong_mfa_code_can_be_followed_by_the_right_one()
    {
        using var auth = Start(emulator: o => o.MfaEnabled = true);
        using var challenge = (await auth.StartLoginAsync(_emulatorOptions.Email, _emulatorOptions.Password)).MfaChallenge!;
        var right = _garmin.Sso.LastMfaCode!;
        var wrong = right == "000000" ? "111111" : "000000";

        var ex = Assert.ThrowsAsync<GarminMfaCodeRejectedException>(() => auth.CompleteMfaAsync(challenge, wrong));
        Assert.That(ex!.ErrorCode, Is.EqualTo("INVALID_MFA_CODE"));

        await auth.CompleteMfaAsync(challenge, right);

        Assert.That(_garmin.Sso.MfaAttempts, Is.EqualTo(2));
        Assert.That(await Stored(), Is.Not.Null);
    }

    [Test]
    public async Task The_callback_login_reads_the_code_like_a_user_would()
    {
        using var auth = Start(emulator: o => o.MfaEnabled = true);

        var token = await auth.LoginAsync(_emulatorOptions.Email, _emulatorOptions.Password, _ => ValueTask.FromResult(_garmin.Sso.LastMfaCode!));

        Assert.That(_garmin.DiAuth.IsValidAccessToken(token.AccessToken), Is.True);
    }

    [Test]
    public void A_wrong_password_is_authentication_required_after_one_attempt()
    {
        using var auth = Start();

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => auth.StartLoginAsync(_emulatorOptions.Email, "not-the-password"));

        Assert.That(ex!.ErrorCode, Is.EqualTo("INVALID_USERNAME_PASSWORD"));
        Assert.That(_garmin.Sso.LoginAttempts, Is.EqualTo(1));
    }

    [TestCase(GarminSsoMode.RateLimited)]
    [TestCase(GarminSsoMode.RateLimitedJson)]
    public void A_rate_limited_sso_fails_fast_for_an_hour(GarminSsoMode mode)
    {
        using var auth = Start();
        _garmin.Sso.Mode = mode;

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => auth.StartLoginAsync(_emulatorOptions.Email, _emulatorOptions.Password));

        Assert.That(_garmin.Sso.LoginAttempts, Is.EqualTo(1), "never retried");
        Assert.That(ex!.ResumeAt, Is.EqualTo(_clock.GetUtcNow().AddHours(1)));
        Assert.That(ex.Window, Is.EqualTo("garmin-sso"));
        Assert.That(_garmin.ServiceTicketExchanges, Is.Zero);
    }

    [Test]
    public void A_cloudflare_challenge_blocks_the_login()
    {
        using var auth = Start();
        _garmin.Sso.Mode = GarminSsoMode.CloudflareChallenge;

        var ex = Assert.ThrowsAsync<GarminLoginBlockedException>(() => auth.StartLoginAsync(_emulatorOptions.Email, _emulatorOptions.Password));

        Assert.That(ex!.Reason, Is.EqualTo(GarminLoginBlockReason.CloudflareChallenge));
        Assert.That(_garmin.Sso.LoginAttempts, Is.EqualTo(1));
    }

    [Test]
    public void A_captcha_blocks_the_login()
    {
        using var auth = Start();
        _garmin.Sso.Mode = GarminSsoMode.CaptchaRequired;

        var ex = Assert.ThrowsAsync<GarminLoginBlockedException>(() => auth.StartLoginAsync(_emulatorOptions.Email, _emulatorOptions.Password));

        Assert.That(ex!.Reason, Is.EqualTo(GarminLoginBlockReason.CaptchaRequired));
    }

    [Test]
    public async Task An_mfa_step_after_the_sso_session_expired_is_refused_by_the_service()
    {
        using var auth = Start(emulator: o => o.MfaEnabled = true);
        _garmin.Sso.MfaSessionLifetime = TimeSpan.FromMinutes(2);
        using var challenge = (await auth.StartLoginAsync(_emulatorOptions.Email, _emulatorOptions.Password)).MfaChallenge!;
        _clock.Advance(TimeSpan.FromMinutes(3));

        var ex = Assert.ThrowsAsync<GarminMfaCodeRejectedException>(() => auth.CompleteMfaAsync(challenge, _garmin.Sso.LastMfaCode!));

        Assert.That(ex!.ErrorCode, Is.EqualTo("SESSION_EXPIRED"));
    }

    [Test]
    public async Task A_ticket_is_exchanged_once()
    {
        using var auth = Start();
        var ticket = _garmin.IssueServiceTicket(ServiceUrl);

        var token = await auth.LoginWithTicketAsync(ticket);

        Assert.That(_garmin.DiAuth.IsValidAccessToken(token.AccessToken), Is.True);
        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => auth.LoginWithTicketAsync(ticket));
        Assert.That(ex!.Message, Does.Contain("expires within seconds"));
        Assert.That(_garmin.ServiceTicketExchanges, Is.EqualTo(1));
    }

    [Test]
    public void An_expired_ticket_is_refused_with_every_client_id()
    {
        using var auth = Start(verify: false);
        var ticket = _garmin.IssueServiceTicket(ServiceUrl);
        _clock.Advance(TimeSpan.FromSeconds(31));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => auth.LoginWithTicketAsync(ticket));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(_garmin.DiAuth.RejectedRequests, Is.EqualTo(GarminEndpoints.DiClientIds.Count));
    }

    [Test]
    public void A_ticket_for_another_service_needs_the_matching_service_url()
    {
        using var auth = Start(verify: false);
        var ticket = _garmin.IssueServiceTicket("https://connect.garmin.com/app");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => auth.LoginWithTicketAsync(ticket));

        Assert.That(ex!.Message, Does.Contain(ServiceUrl));
    }

    [Test]
    public async Task A_ticket_for_another_service_is_accepted_with_that_service_url()
    {
        Start(verify: false).Dispose();
        using var auth = new GarminAuthenticator(_options, new GarminAuthenticatorOptions { ServiceUrl = new Uri("https://connect.garmin.com/app") });

        var token = await auth.LoginWithTicketAsync(_garmin.IssueServiceTicket("https://connect.garmin.com/app"));

        Assert.That(_garmin.DiAuth.IsValidAccessToken(token.AccessToken), Is.True);
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    public async Task Client_ids_diauth_refuses_are_skipped_in_order(HttpStatusCode rejection)
    {
        using var auth = Start(emulator: o =>
        {
            o.AcceptedDiClientIds.Clear();
            o.AcceptedDiClientIds.Add("GARMIN_CONNECT_MOBILE_IOS_DI");
            o.RejectedClientStatus = rejection;
        });

        var token = await auth.LoginWithTicketAsync(_garmin.IssueServiceTicket(ServiceUrl));

        Assert.That(token.Extras[GarminTokenExtras.DiClientId], Is.EqualTo("GARMIN_CONNECT_MOBILE_IOS_DI"));
        Assert.That(_garmin.DiAuth.RejectedRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task Refresh_rotates_the_refresh_token_and_the_old_one_then_gets_invalid_grant()
    {
        using var auth = Start();
        var first = await auth.LoginWithTicketAsync(_garmin.IssueServiceTicket(ServiceUrl));
        using var refresher = new GarminTokenRefresher(_options);
        _clock.Advance(TimeSpan.FromHours(23.9));

        var second = await refresher.RefreshAsync(first);

        Assert.That(second.RefreshToken, Is.Not.EqualTo(first.RefreshToken));
        Assert.That(second.AccessToken, Is.Not.EqualTo(first.AccessToken));
        Assert.That(second.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddHours(24)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(second.Extras[GarminTokenExtras.DiClientId], Is.EqualTo(first.Extras[GarminTokenExtras.DiClientId]));
        Assert.That(second.Extras[GarminTokenExtras.Domain], Is.EqualTo("garmin.com"));
        Assert.That(_garmin.DiAuth.IsValidAccessToken(second.AccessToken), Is.True);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => refresher.RefreshAsync(first));
        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task Token_managers_in_two_processes_sharing_a_file_store_refresh_once_and_keep_the_rotation()
    {
        using var folder = new TempFolder();
        using var auth = Start(store: new FileTokenStore(folder.Path, _clock));
        await auth.LoginWithTicketAsync(_garmin.IssueServiceTicket(ServiceUrl));
        using var refresherA = new GarminTokenRefresher(_options);
        using var refresherB = new GarminTokenRefresher(_options);
        var managerA = new TokenManager(new FileTokenStore(folder.Path, _clock), _options.TokenKey, refresherA, timeProvider: _clock);
        var managerB = new TokenManager(new FileTokenStore(folder.Path, _clock), _options.TokenKey, refresherB, timeProvider: _clock);
        _clock.Advance(TimeSpan.FromHours(25));

        var fromA = await managerA.GetTokenAsync();
        var fromB = await managerB.GetTokenAsync();

        Assert.That(fromB.AccessToken, Is.EqualTo(fromA.AccessToken));
        Assert.That(fromB.RefreshToken, Is.EqualTo(fromA.RefreshToken));
        Assert.That(_garmin.DiAuth.Refreshes, Is.EqualTo(1));
        Assert.That((await new FileTokenStore(folder.Path, _clock).LoadAsync(_options.TokenKey))!.RefreshToken, Is.EqualTo(fromA.RefreshToken), "the rotated refresh token is persisted");
        Assert.That(_garmin.DiAuth.IsValidAccessToken(fromA.AccessToken), Is.True);
    }

    [Test]
    public async Task Imported_python_garminconnect_tokens_are_verified_against_the_data_api()
    {
        using var auth = Start();
        var issued = _garmin.IssueTokens();
        var json = new JsonObject { ["di_token"] = issued.AccessToken, ["di_refresh_token"] = issued.RefreshToken, ["di_client_id"] = issued.ClientId }.ToJsonString();

        var token = await auth.ImportGarminConnectTokensAsync(json);

        Assert.That(token.AccessToken, Is.EqualTo(issued.AccessToken));
        Assert.That(token.ExpiresAt, Is.EqualTo(issued.ExpiresAt).Within(TimeSpan.FromSeconds(1)));
        Assert.That(await Stored(), Is.EqualTo(token));
    }

    [Test]
    public async Task An_expired_import_is_refreshed_at_the_emulators_diauth()
    {
        using var auth = Start();
        var issued = _garmin.IssueTokens();
        _clock.Advance(TimeSpan.FromDays(2));
        var json = new JsonObject { ["di_token"] = issued.AccessToken, ["di_refresh_token"] = issued.RefreshToken }.ToJsonString();

        var token = await auth.ImportGarminConnectTokensAsync(json);

        Assert.That(token.AccessToken, Is.Not.EqualTo(issued.AccessToken));
        Assert.That(_garmin.DiAuth.Refreshes, Is.EqualTo(1));
        Assert.That(_garmin.DiAuth.IsValidAccessToken(token.AccessToken), Is.True);
    }

    [Test]
    public async Task A_token_the_data_api_does_not_know_is_not_stored()
    {
        using var auth = Start();
        var foreign = TestSecrets.Jwt(GarminEndpoints.DiClientIds[0], _clock.GetUtcNow().AddHours(5));
        var json = new JsonObject { ["di_token"] = foreign, ["di_refresh_token"] = "r" }.ToJsonString();

        Assert.ThrowsAsync<AuthenticationRequiredException>(() => auth.ImportGarminConnectTokensAsync(json));
        Assert.That(await Stored(), Is.Null);
    }
}
