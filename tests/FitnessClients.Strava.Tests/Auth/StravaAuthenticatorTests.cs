using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Auth;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Strava.Tests.Auth;

public class StravaAuthenticatorTests
{
    private FakeTimeProvider _clock = null!;
    private StravaTokenEndpointFake _strava = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(AuthTestSupport.Start);
        _strava = new StravaTokenEndpointFake(_clock);
    }

    [TearDown]
    public void TearDown() => _strava.Handler.Dispose();

    [Test]
    public void Missing_client_id_or_secret_is_reported_clearly_without_echoing_the_secret()
    {
        var noId = AuthTestSupport.Options(_strava.Handler, _clock);
        noId.ClientId = null;
        Assert.That(() => new StravaAuthenticator(noId), Throws.ArgumentException.With.Message.Contains("ClientId is not set"));

        var secretAsId = AuthTestSupport.Options(_strava.Handler, _clock);
        secretAsId.ClientId = StravaTokenEndpointFake.ClientSecret;
        var ex = Assert.Throws<ArgumentException>(() => new StravaAuthenticator(secretAsId));
        Assert.That(ex!.Message, Does.Contain("numeric Client ID").And.Not.Contain(StravaTokenEndpointFake.ClientSecret));

        var noSecret = AuthTestSupport.Options(_strava.Handler, _clock);
        noSecret.ClientSecret = " ";
        Assert.That(() => new StravaAuthenticator(noSecret), Throws.ArgumentException.With.Message.Contains("ClientSecret is not set"));
    }

    [Test]
    public void Authorization_url_has_comma_separated_scopes_code_response_and_approval_prompt()
    {
        using var auth = new StravaAuthenticator(AuthTestSupport.Options(_strava.Handler, _clock));
        var request = auth.CreateAuthorizationRequest(new Uri("http://127.0.0.1:8123/cb"), [StravaScopes.Read, StravaScopes.ActivityReadAll], StravaApprovalPrompt.Force, "st4te");
        var uri = request.BuildUri();

        Assert.That(uri.GetLeftPart(UriPartial.Path), Is.EqualTo("https://oauth.test/oauth/authorize"));
        Assert.That(uri.Query, Does.Contain("response_type=code"));
        Assert.That(uri.Query, Does.Contain("client_id=12345"));
        Assert.That(uri.Query, Does.Contain("scope=read%2Cactivity%3Aread_all"));
        Assert.That(uri.Query, Does.Contain("approval_prompt=force"));
        Assert.That(uri.Query, Does.Contain("state=st4te"));
        Assert.That(uri.Query, Does.Contain("redirect_uri=http%3A%2F%2F127.0.0.1%3A8123%2Fcb"));
        Assert.That(uri.Query, Does.Not.Contain(StravaTokenEndpointFake.ClientSecret));

        var auto = auth.CreateAuthorizationRequest(new Uri("http://localhost/"), [StravaScopes.ActivityRead]);
        Assert.That(auto.BuildUri().Query, Does.Contain("approval_prompt=auto"));
        Assert.That(auto.State, Is.Not.Empty);
        Assert.That(() => auth.CreateAuthorizationRequest(new Uri("http://localhost/"), []), Throws.ArgumentException);
    }

    [Test]
    public async Task Exchange_stores_the_token_with_the_granted_scopes_and_the_athlete()
    {
        var options = AuthTestSupport.Options(_strava.Handler, _clock);
        using var auth = new StravaAuthenticator(options);
        _strava.ValidCode = "code-one-time-abc";
        var callback = AuthorizationCallback.ParseRedirectUrl("http://localhost/?state=s1&code=code-one-time-abc&scope=read,activity:read_all", "s1");

        var token = await auth.ExchangeCodeAsync(callback, new Uri("http://localhost/"));

        Assert.That(token.AccessToken, Is.EqualTo("access-1"));
        Assert.That(token.RefreshToken, Is.EqualTo("refresh-1"));
        Assert.That(token.ExpiresAt, Is.EqualTo(AuthTestSupport.Start.AddHours(6)));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }));
        Assert.That(token.Extras[StravaTokenExtras.AthleteId], Is.EqualTo("16181809"));
        Assert.That(token.Extras[StravaTokenExtras.AthleteFirstName], Is.EqualTo("Jane"));
        Assert.That(token.Extras[StravaTokenExtras.AthleteLastName], Is.EqualTo("Doe"));
        Assert.That(await options.TokenStore!.LoadAsync("strava-jane"), Is.EqualTo(token));

        var form = _strava.Forms.Single();
        Assert.That(form["grant_type"], Is.EqualTo("authorization_code"));
        Assert.That(form["client_id"], Is.EqualTo("12345"));
        Assert.That(form["client_secret"], Is.EqualTo(StravaTokenEndpointFake.ClientSecret));
        Assert.That(form["code"], Is.EqualTo("code-one-time-abc"));
    }

    [Test]
    public async Task Exchange_without_athlete_in_the_response_has_no_athlete_extras()
    {
        _strava.AthleteJson = "null";
        using var auth = new StravaAuthenticator(AuthTestSupport.Options(_strava.Handler, _clock));
        _strava.ValidCode = "c";
        var token = await auth.ExchangeCodeAsync(new AuthorizationCallback { Code = "c", State = "s", Scope = "activity:read" }, new Uri("http://localhost/"));
        Assert.That(token.Extras, Is.Empty);
        Assert.That(token.Scopes, Is.EqualTo(new[] { "activity:read" }));
    }

    [Test]
    public void A_reused_code_is_authentication_required_and_the_message_leaks_no_secret()
    {
        using var auth = new StravaAuthenticator(AuthTestSupport.Options(_strava.Handler, _clock));
        _strava.ValidCode = null;
        var callback = new AuthorizationCallback { Code = "code-used-before-777", State = "s", Scope = "read" };

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => auth.ExchangeCodeAsync(callback, new Uri("http://localhost/")));

        Assert.That(ex!.ToString(), Does.Not.Contain("code-used-before-777").And.Not.Contain(StravaTokenEndpointFake.ClientSecret));
        Assert.That(ex.Message, Does.Contain("sign-in again").IgnoreCase);
    }

    [Test]
    public async Task Headless_sign_in_checks_the_state_from_the_shown_url_and_exchanges_the_pasted_code()
    {
        var options = AuthTestSupport.Options(_strava.Handler, _clock);
        using var auth = new StravaAuthenticator(options);
        var shown = auth.CreateHeadlessAuthorizationUrl([StravaScopes.ActivityReadAll]);
        var state = StateOf(shown);
        Assert.That(shown.Query, Does.Contain("redirect_uri=http%3A%2F%2Flocalhost%2F"));

        var forged = $"http://localhost/?state=someone-else&code=forged-code-1&scope=read,activity:read_all";
        var mismatch = Assert.ThrowsAsync<OAuthCallbackException>(() => auth.LoginWithPastedUrlAsync(shown, forged));
        Assert.That(mismatch!.Reason, Is.EqualTo(OAuthCallbackFailure.StateMismatch));
        Assert.That(mismatch.Message, Does.Not.Contain("forged-code-1"));
        Assert.That(_strava.ExchangeCalls, Is.Zero);

        _strava.ValidCode = "pasted-code-2";
        var token = await auth.LoginWithPastedUrlAsync(shown, $"  http://localhost/?state={state}&code=pasted-code-2&scope=read,activity:read_all\n");

        Assert.That(token.Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }));
        Assert.That(_strava.Forms.Single()["redirect_uri"], Is.EqualTo("http://localhost/"));
        Assert.That(await options.TokenStore!.LoadAsync(options.TokenKey), Is.Not.Null);
    }

    [Test]
    public void Headless_denial_reports_access_denied()
    {
        using var auth = new StravaAuthenticator(AuthTestSupport.Options(_strava.Handler, _clock));
        var shown = auth.CreateHeadlessAuthorizationUrl([StravaScopes.ActivityReadAll]);
        var ex = Assert.ThrowsAsync<OAuthCallbackException>(() => auth.LoginWithPastedUrlAsync(shown, "http://localhost/?state=" + StateOf(shown) + "&error=access_denied"));
        Assert.That(ex!.Reason, Is.EqualTo(OAuthCallbackFailure.AccessDenied));
    }

    [Test]
    public async Task Browser_sign_in_listens_on_127_0_0_1_and_exchanges_the_redirected_code()
    {
        var options = AuthTestSupport.Options(_strava.Handler, _clock);
        using var auth = new StravaAuthenticator(options);
        _strava.ValidCode = "browser-code-3";
        Uri? opened = null;
        Task<HttpResponseMessage>? browser = null;
        using var browserClient = new HttpClient();

        var token = await auth.LoginWithBrowserAsync(
            uri =>
            {
                opened = uri;
                var query = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
                var redirect = new Uri(query["redirect_uri"]);
                browser = browserClient.GetAsync(new Uri(redirect, $"?state={Uri.EscapeDataString(query["state"])}&code=browser-code-3&scope=read,activity:read_all,profile:read_all"));
            },
            StravaScopes.Backup);

        using var page = await browser!;
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(opened!.Query, Does.Contain("redirect_uri=http%3A%2F%2F127.0.0.1%3A"));
        Assert.That(opened.Query, Does.Contain("scope=read%2Cactivity%3Aread_all%2Cprofile%3Aread_all"));
        Assert.That(token.Scopes, Is.EquivalentTo(StravaScopes.Backup));
        Assert.That(_strava.Forms.Single()["redirect_uri"], Does.StartWith("http://127.0.0.1:").And.EndWith(StravaAuthenticator.LoopbackPath));
    }

    [Test]
    public async Task Deauthorize_posts_the_bearer_token_and_deletes_the_stored_token()
    {
        var options = AuthTestSupport.Options(_strava.Handler, _clock);
        await options.TokenStore!.SaveAsync(options.TokenKey, new OAuthToken { AccessToken = "live-access-5", RefreshToken = "r", ExpiresAt = AuthTestSupport.Start.AddHours(5) });
        var deauth = _strava.Handler.When(HttpMethod.Post, StravaTokenEndpointFake.OAuthRoot + "deauthorize")
            .WithHeaders("Authorization", "Bearer live-access-5")
            .Respond("application/json", """{"access_token":"live-access-5"}""");
        using var auth = new StravaAuthenticator(options);

        Assert.That(await auth.DeauthorizeAsync(), Is.True);

        Assert.That(_strava.Handler.GetMatchCount(deauth), Is.EqualTo(1));
        Assert.That(await options.TokenStore.LoadAsync(options.TokenKey), Is.Null);
        Assert.That(await auth.DeauthorizeAsync(), Is.False, "nothing left to deauthorize");
    }

    [Test]
    public async Task Deauthorize_with_an_already_revoked_token_still_forgets_it_and_a_server_error_keeps_it()
    {
        var options = AuthTestSupport.Options(_strava.Handler, _clock);
        var stored = new OAuthToken { AccessToken = "revoked-access", RefreshToken = "r", ExpiresAt = AuthTestSupport.Start.AddHours(5) };
        await options.TokenStore!.SaveAsync(options.TokenKey, stored);
        var status = HttpStatusCode.InternalServerError;
        _strava.Handler.When(HttpMethod.Post, StravaTokenEndpointFake.OAuthRoot + "deauthorize").Respond(_ => new HttpResponseMessage(status));
        using var auth = new StravaAuthenticator(options);

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => auth.DeauthorizeAsync());
        Assert.That(ex!.Message, Does.Not.Contain("revoked-access"));
        Assert.That(await options.TokenStore.LoadAsync(options.TokenKey), Is.EqualTo(stored));

        status = HttpStatusCode.Unauthorized;
        Assert.That(await auth.DeauthorizeAsync(), Is.False);
        Assert.That(await options.TokenStore.LoadAsync(options.TokenKey), Is.Null);
    }

    private static string StateOf(Uri authorizeUrl) =>
        authorizeUrl.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("state=", StringComparison.Ordinal))["state=".Length..];
}
