using System.Net;
using System.Web;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee.Auth;
using FitnessClients.FitTrackee.Tests.Clients;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.FitTrackee.Tests.Auth;

public class FitTrackeeAuthenticatorTests
{
    private const string Json = "application/json";
    private const string Root = FitTrackeeTestClient.Root;

    private MockHttpMessageHandler _mock = null!;
    private FakeTimeProvider _clock = null!;

    // Built at run time: no token-looking literal in the repository.
    private static string NewSecret(string kind) => string.Concat(kind, "-", Guid.NewGuid().ToString("N"));

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _clock = new FakeTimeProvider(FakeTimeDefaults.Start);
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [Test]
    public void The_authorization_url_is_the_web_apps_page_with_scope_state_and_an_s256_challenge()
    {
        using var auth = new FitTrackeeAuthenticator(FitTrackeeTestClient.Options(_mock, _clock, new InMemoryTokenStore()));

        var pending = auth.BeginLogin();
        var url = pending.AuthorizationUrl;
        var query = HttpUtility.ParseQueryString(url.Query);

        Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo(Root + "profile/apps/authorize"));
        Assert.That(query["response_type"], Is.EqualTo("code"));
        Assert.That(query["client_id"], Is.EqualTo("client-id-1"));
        Assert.That(query["scope"], Is.EqualTo("workouts:read workouts:write profile:read"));
        Assert.That(url.AbsoluteUri, Does.Contain("scope=workouts%3Aread%20workouts%3Awrite%20profile%3Aread"));
        Assert.That(query["state"], Is.EqualTo(pending.State).And.Length.GreaterThanOrEqualTo(32));
        Assert.That(query["code_challenge_method"], Is.EqualTo("S256"));
        Assert.That(query["code_challenge"], Is.EqualTo(PkceCodes.ComputeS256Challenge(pending.CodeVerifier)));
        Assert.That(pending.ToString(), Does.Not.Contain(pending.CodeVerifier));
    }

    [Test]
    public async Task The_code_exchange_posts_the_secret_in_the_form_with_the_verifier_and_stores_the_token()
    {
        var store = new InMemoryTokenStore();
        var access = NewSecret("access");
        var refresh = NewSecret("refresh");
        IDictionary<string, string>? form = null;
        bool? basicHeader = null;
        _mock.Expect(HttpMethod.Post, Root + "api/oauth/token")
            .With(r =>
            {
                basicHeader = r.Headers.Authorization is not null;
                form = ReadForm(r);
                return true;
            })
            .Respond(Json, $$"""{"token_type":"Bearer","access_token":"{{access}}","expires_in":864000,"refresh_token":"{{refresh}}","scope":"profile:read workouts:read workouts:write"}""");
        using var auth = new FitTrackeeAuthenticator(FitTrackeeTestClient.Options(_mock, _clock, store));
        var pending = auth.BeginLogin();

        var token = await auth.CompleteLoginAsync(pending, $"https://anything.example/callback?code=the-code&state={pending.State}");

        Assert.That(basicHeader, Is.False, "FitTrackee accepts client_secret_post only");
        Assert.That(form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "the-code", ["code_verifier"] = pending.CodeVerifier,
            ["client_id"] = "client-id-1", ["client_secret"] = FitTrackeeTestClient.ClientSecret,
        }));
        Assert.That(token.AccessToken, Is.EqualTo(access));
        Assert.That(token.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddDays(10)));
        Assert.That(token.Scopes, Is.EquivalentTo(new[] { "profile:read", "workouts:read", "workouts:write" }));
        Assert.That((await store.LoadAsync("fittrackee"))!.RefreshToken, Is.EqualTo(refresh));
    }

    [Test]
    public async Task A_pasted_address_with_another_state_is_refused_without_any_request()
    {
        var any = _mock.When("*").Respond(HttpStatusCode.OK);
        using var auth = new FitTrackeeAuthenticator(FitTrackeeTestClient.Options(_mock, _clock, new InMemoryTokenStore()));
        var pending = auth.BeginLogin();

        Assert.ThrowsAsync<OAuthCallbackException>(() => auth.CompleteLoginAsync(pending, "https://x.example/cb?code=c&state=forged"));
        Assert.That(_mock.GetMatchCount(any), Is.Zero);
    }

    [Test]
    public async Task A_refresh_rotates_and_is_saved_before_the_new_token_is_used()
    {
        var store = await FitTrackeeTestClient.StoreWithTokenAsync(_clock, validFor: TimeSpan.FromMinutes(1));
        var oldRefresh = (await store.LoadAsync("fittrackee"))!.RefreshToken!;
        var newAccess = NewSecret("access");
        var newRefresh = NewSecret("refresh");
        IDictionary<string, string>? form = null;
        _mock.Expect(HttpMethod.Post, Root + "api/oauth/token")
            .With(r => (form = ReadForm(r)) is not null)
            .Respond(Json, $$"""{"token_type":"Bearer","access_token":"{{newAccess}}","expires_in":864000,"refresh_token":"{{newRefresh}}","scope":"workouts:read"}""");
        _mock.Expect(HttpMethod.Get, Root + "api/sports")
            .With(r => store.LoadAsync("fittrackee").AsTask().GetAwaiter().GetResult()!.AccessToken == newAccess)
            .WithHeaders("Authorization", "Bearer " + newAccess)
            .Respond(Json, FitTrackeeJsonBodies.Sports);
        using var client = FitTrackeeClient.Create(FitTrackeeTestClient.Options(_mock, _clock, store));

        await client.Sports.ListAsync();

        Assert.That(form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = oldRefresh, ["client_id"] = "client-id-1", ["client_secret"] = FitTrackeeTestClient.ClientSecret,
        }));
        Assert.That((await store.LoadAsync("fittrackee"))!.RefreshToken, Is.EqualTo(newRefresh));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task A_lapsed_refresh_token_asks_to_sign_in_again_and_explains_the_20_day_rule_without_secrets()
    {
        var store = new InMemoryTokenStore();
        var refresh = NewSecret("refresh");
        var issued = _clock.GetUtcNow();
        await store.SaveAsync("fittrackee", new OAuthToken
        {
            AccessToken = NewSecret("access"),
            RefreshToken = refresh,
            ExpiresAt = issued.AddDays(10),
            Extras = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("fittrackee_refresh_issued_at", issued.UtcDateTime.ToString("O")),
        });
        _clock.Advance(TimeSpan.FromDays(21));
        _mock.When(HttpMethod.Post, Root + "api/oauth/token")
            .Respond(HttpStatusCode.BadRequest, Json, """{"error":"invalid_grant","error_description":"The provided authorization grant or refresh token is invalid, expired, revoked."}""");
        using var client = FitTrackeeClient.Create(FitTrackeeTestClient.Options(_mock, _clock, store));

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.Sports.ListAsync());

        Assert.That(ex!.Message, Does.Contain("20 days").And.Contain("21 days ago").And.Contain("fitness fittrackee login"));
        Assert.That(ex.TokenKey, Is.EqualTo("fittrackee"));
        Assert.That(ex.ToString(), Does.Not.Contain(refresh).And.Not.Contain(FitTrackeeTestClient.ClientSecret));
    }

    [Test]
    public async Task Revoke_posts_the_refresh_token_with_the_client_secret_and_deletes_the_local_copy()
    {
        var store = await FitTrackeeTestClient.StoreWithTokenAsync(_clock);
        var refresh = (await store.LoadAsync("fittrackee"))!.RefreshToken!;
        IDictionary<string, string>? form = null;
        _mock.Expect(HttpMethod.Post, Root + "api/oauth/revoke").With(r => (form = ReadForm(r)) is not null).Respond(Json, "{}");
        using var auth = new FitTrackeeAuthenticator(FitTrackeeTestClient.Options(_mock, _clock, store));

        Assert.That(await auth.RevokeAsync(), Is.True);
        Assert.That(await auth.RevokeAsync(), Is.False, "nothing left to revoke");

        Assert.That(form!["token"], Is.EqualTo(refresh));
        Assert.That(form["token_type_hint"], Is.EqualTo("refresh_token"));
        Assert.That(form["client_secret"], Is.EqualTo(FitTrackeeTestClient.ClientSecret));
        Assert.That(await store.LoadAsync("fittrackee"), Is.Null);
    }

    [Test]
    public void A_browser_sign_in_needs_a_loopback_redirect_uri_with_a_port()
    {
        var options = FitTrackeeTestClient.Options(_mock, _clock, new InMemoryTokenStore());
        options.RedirectUri = new Uri("https://example.org/callback");
        using var auth = new FitTrackeeAuthenticator(options);

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => auth.LoginWithBrowserAsync(_ => { }));
        Assert.That(ex!.Message, Does.Contain("first registered redirect URI"));
    }

    [Test]
    public async Task A_browser_sign_in_listens_on_the_registered_port_and_path()
    {
        var store = new InMemoryTokenStore();
        _mock.When(HttpMethod.Post, Root + "api/oauth/token")
            .Respond(Json, $$"""{"token_type":"Bearer","access_token":"{{NewSecret("access")}}","expires_in":864000,"refresh_token":"{{NewSecret("refresh")}}","scope":"workouts:read"}""");
        var options = FitTrackeeTestClient.Options(_mock, _clock, store);
        var port = FreePort();
        options.RedirectUri = new Uri($"http://127.0.0.1:{port}/fittrackee/callback");
        using var auth = new FitTrackeeAuthenticator(options);
        using var browser = new HttpClient();

        var login = auth.LoginWithBrowserAsync(url =>
        {
            var state = HttpUtility.ParseQueryString(url.Query)["state"];
            // What FitTrackee's page does after "Authorize": navigate to the first registered URI with code and state.
            _ = browser.GetAsync(new Uri($"http://127.0.0.1:{port}/fittrackee/callback?code=abc&state={state}"));
        });

        var token = await login.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "workouts:read" }));
        Assert.That(await store.LoadAsync("fittrackee"), Is.Not.Null);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Dictionary<string, string> ReadForm(HttpRequestMessage request)
    {
        var text = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
        var parsed = HttpUtility.ParseQueryString(text);
        return parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!);
    }
}
