using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.FitTrackee.FitTrackeeTestSupport;

namespace FitnessClients.Testing.Tests.FitTrackee;

public class FitTrackeeOAuthTests
{
    private const string Scope = "profile:read workouts:read workouts:write";
    private const string CannotAuthenticate = "The client cannot authenticate with methods: ['client_secret_post']";

    private static string AuthorizeUrl(FitTrackeeEmulator emulator, string? scope, string challenge, string? redirect = "https://elsewhere.example/cb", string method = "S256") =>
        $"profile/apps/authorize?response_type=code&client_id={emulator.RegisteredClientId}" +
        (redirect is null ? string.Empty : $"&redirect_uri={Uri.EscapeDataString(redirect)}") +
        (scope is null ? string.Empty : $"&scope={Uri.EscapeDataString(scope)}") +
        $"&state=st%20ate&code_challenge={challenge}&code_challenge_method={method}";

    private static Dictionary<string, string> Query(Uri location) =>
        location.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    private static async Task<(string Code, string Verifier)> AuthorizeAsync(FitTrackeeEmulator emulator, HttpClient http, string? scope = Scope)
    {
        var (verifier, challenge) = Pkce();
        using var response = await http.GetAsync(new Uri(AuthorizeUrl(emulator, scope, challenge), UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        return (Query(response.Headers.Location!)["code"], verifier);
    }

    private static async Task<(string Access, string Refresh)> ExchangeAsync(FitTrackeeEmulator emulator, HttpClient http)
    {
        var (code, verifier) = await AuthorizeAsync(emulator, http);
        using var response = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await JsonAsync(response);
        return (json["access_token"]!.GetValue<string>(), json["refresh_token"]!.GetValue<string>());
    }

    private static async Task<HttpStatusCode> ProfileStatusAsync(HttpClient http, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/auth/profile", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task Authorize_redirects_to_the_first_registered_uri_whatever_the_request_says_and_the_pkce_exchange_returns_authlibs_token()
    {
        var emulator = Create(configure: o => o.RedirectUris = ["http://127.0.0.1:8765/callback", "https://second.example/cb"]);
        using var http = emulator.CreateClient();
        var (verifier, challenge) = Pkce();

        using var authorize = await http.GetAsync(new Uri(AuthorizeUrl(emulator, Scope, challenge, redirect: "https://second.example/cb"), UriKind.Relative));

        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var location = authorize.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo("http://127.0.0.1:8765/callback"));
        var query = Query(location);
        Assert.That(query["state"], Is.EqualTo("st ate"));
        Assert.That(emulator.Authorizations, Is.EqualTo(1));

        using var exchange = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", query["code"]), ("code_verifier", verifier)));
        Assert.That(exchange.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(exchange.Headers.CacheControl?.NoStore, Is.True);
        var token = await JsonAsync(exchange);
        Assert.That(token.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "token_type", "access_token", "expires_in", "refresh_token", "scope" }));
        Assert.That(token["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(token["access_token"]!.GetValue<string>(), Does.Match("^[A-Za-z0-9]{42}$"));
        Assert.That(token["refresh_token"]!.GetValue<string>(), Does.Match("^[A-Za-z0-9]{48}$"));
        Assert.That(token["expires_in"]!.GetValue<long>(), Is.EqualTo(864_000));
        Assert.That(token["scope"]!.GetValue<string>(), Is.EqualTo(Scope));
        Assert.That(await ProfileStatusAsync(http, token["access_token"]!.GetValue<string>()), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Editing_the_app_changes_where_the_authorize_page_redirects()
    {
        var emulator = Create();
        emulator.SetRedirectUris("http://127.0.0.1:51234/callback", "http://127.0.0.1:8765/callback");
        using var http = emulator.CreateClient();
        var (_, challenge) = Pkce();

        using var authorize = await http.GetAsync(new Uri(AuthorizeUrl(emulator, Scope, challenge), UriKind.Relative));

        Assert.That(authorize.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo("http://127.0.0.1:51234/callback"));
        Assert.That(emulator.RedirectUri, Is.EqualTo("http://127.0.0.1:51234/callback"));
        Assert.Throws<ArgumentException>(() => emulator.SetRedirectUris("not a uri"));
    }

    [Test]
    public async Task Pkce_verifier_errors_are_authlibs()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();

        var (code, _) = await AuthorizeAsync(emulator, http);
        using var missing = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code)));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await missing.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_request", "Missing 'code_verifier'")));

        (code, _) = await AuthorizeAsync(emulator, http);
        using var malformed = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", "short")));
        Assert.That(await malformed.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_request", "Invalid 'code_verifier'")));

        (code, _) = await AuthorizeAsync(emulator, http);
        using var wrong = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", Pkce().Verifier)));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_grant", "Code challenge failed.")));
    }

    [Test]
    public async Task Client_secret_post_only_basic_alone_is_invalid_client_and_a_basic_header_is_ignored_when_the_form_authenticates()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.RegisteredClientId}:{emulator.RegisteredClientSecret}")));

        var (code, verifier) = await AuthorizeAsync(emulator, http);
        using var basicOnly = new HttpRequestMessage(HttpMethod.Post, new Uri("api/oauth/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier }),
        };
        basicOnly.Headers.Authorization = basic;
        using var refused = await http.SendAsync(basicOnly);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Headers.WwwAuthenticate, Is.Empty);
        Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_client", CannotAuthenticate)));

        using var both = TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier));
        both.Headers.Authorization = basic;
        using var accepted = await http.SendAsync(both);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Client_and_grant_type_errors_use_authlibs_descriptions()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();

        using var unknown = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", "x"), ("client_id", "nobody")));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_client", "The client does not exist on this server.")));

        using var wrongSecret = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", "x"), ("client_secret", "nope")));
        Assert.That(wrongSecret.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await wrongSecret.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_client", CannotAuthenticate)));

        using var empty = await http.PostAsync(new Uri("api/oauth/token", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await empty.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("unsupported_grant_type", "grant_type=None is not supported")));

        using var password = await http.SendAsync(TokenRequest(emulator, ("grant_type", "password")));
        Assert.That(await password.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("unsupported_grant_type", "grant_type=password is not supported")));

        using var badCode = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", "not-a-code")));
        Assert.That(await badCode.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_grant", "Invalid 'code' in request.")));

        using var noRefresh = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token")));
        Assert.That(await noRefresh.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_request", "Missing 'refresh_token' in request.")));
    }

    [Test]
    public async Task Token_endpoint_reads_multipart_forms_as_fittrackee_documents()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();
        var (code, verifier) = await AuthorizeAsync(emulator, http);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(emulator.RegisteredClientId), "client_id" },
            { new StringContent(emulator.RegisteredClientSecret), "client_secret" },
            { new StringContent("authorization_code"), "grant_type" },
            { new StringContent(code), "code" },
            { new StringContent(verifier), "code_verifier" },
        };

        using var response = await http.PostAsync(new Uri("api/oauth/token", UriKind.Relative), form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_code_works_once_and_for_300_seconds_and_a_replay_does_not_revoke_the_first_tokens()
    {
        var clock = new FakeTimeProvider(Now);
        var emulator = Create(clock: clock);
        using var http = emulator.CreateClient();
        var (code, verifier) = await AuthorizeAsync(emulator, http);
        using var first = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier)));
        var access = (await JsonAsync(first))["access_token"]!.GetValue<string>();

        using var replay = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier)));
        Assert.That(await replay.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_grant", "Invalid 'code' in request.")));
        Assert.That(await ProfileStatusAsync(http, access), Is.EqualTo(HttpStatusCode.OK));

        (code, verifier) = await AuthorizeAsync(emulator, http);
        clock.Advance(TimeSpan.FromSeconds(301));
        using var late = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier)));
        Assert.That(await late.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_grant", "Invalid 'code' in request.")));
    }

    [Test]
    public async Task Refresh_rotates_and_kills_the_old_refresh_and_access_tokens_at_once()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();
        var (access, refresh) = await ExchangeAsync(emulator, http);

        using var rotated = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token"), ("refresh_token", refresh)));
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await JsonAsync(rotated);
        var (newAccess, newRefresh) = (json["access_token"]!.GetValue<string>(), json["refresh_token"]!.GetValue<string>());
        Assert.That(newAccess, Is.Not.EqualTo(access));
        Assert.That(newRefresh, Is.Not.EqualTo(refresh));
        Assert.That(json["scope"]!.GetValue<string>(), Is.EqualTo(Scope));

        Assert.That(await ProfileStatusAsync(http, access), Is.EqualTo(HttpStatusCode.Unauthorized), "revoke_old_credential revokes the old row");
        Assert.That(await ProfileStatusAsync(http, newAccess), Is.EqualTo(HttpStatusCode.OK));
        using var reused = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token"), ("refresh_token", refresh)));
        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await reused.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_grant")));
        Assert.That(emulator.OAuth.Refreshes, Is.EqualTo(1));
    }

    [Test]
    public async Task Access_tokens_expire_after_ten_days_with_authlibs_invalid_token_body()
    {
        var clock = new FakeTimeProvider(Now);
        var emulator = Create(clock: clock);
        using var http = emulator.CreateClient();
        var (access, _) = await ExchangeAsync(emulator, http);

        clock.Advance(TimeSpan.FromSeconds(864_000 - 1));
        Assert.That(await ProfileStatusAsync(http, access), Is.EqualTo(HttpStatusCode.OK));
        clock.Advance(TimeSpan.FromSeconds(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/workouts", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var expired = await http.SendAsync(request);

        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await expired.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_token", "The access token provided is expired, revoked, malformed, or invalid for other reasons.")));
        Assert.That(expired.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task A_refresh_token_dies_twenty_days_after_issue_so_a_client_idle_that_long_must_reauthorize()
    {
        var clock = new FakeTimeProvider(Now);
        var emulator = Create(clock: clock);
        using var http = emulator.CreateClient();
        var (_, refresh) = await ExchangeAsync(emulator, http);

        clock.Advance(TimeSpan.FromDays(19.9)); // still alive: it rotates, and the new one has 20 days again
        using var alive = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token"), ("refresh_token", refresh)));
        Assert.That(alive.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rotated = (await JsonAsync(alive))["refresh_token"]!.GetValue<string>();

        clock.Advance(TimeSpan.FromDays(20) + TimeSpan.FromSeconds(1));
        using var idle = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token"), ("refresh_token", rotated)));

        Assert.That(idle.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await idle.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_grant")), "Authlib's InvalidGrantError() has no description");
    }

    [Test]
    public async Task Revoking_the_access_token_ends_its_refresh_token_too()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();
        var (access, refresh) = await ExchangeAsync(emulator, http);

        using var revoke = await http.PostAsync(new Uri("api/oauth/revoke", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = emulator.RegisteredClientId, ["client_secret"] = emulator.RegisteredClientSecret, ["token"] = access,
        }));

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await revoke.Content.ReadAsStringAsync(), Is.EqualTo("{}"));
        Assert.That(await ProfileStatusAsync(http, access), Is.EqualTo(HttpStatusCode.Unauthorized));
        using var refreshed = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token"), ("refresh_token", refresh)));
        Assert.That(await refreshed.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_grant")));
    }

    [Test]
    public async Task Revocation_needs_client_secret_post_and_a_token_and_accepts_unknown_tokens()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();
        Task<HttpResponseMessage> RevokeAsync(Dictionary<string, string> form) => http.PostAsync(new Uri("api/oauth/revoke", UriKind.Relative), new FormUrlEncodedContent(form));

        using var noSecret = await RevokeAsync(new() { ["client_id"] = emulator.RegisteredClientId, ["token"] = "x" });
        Assert.That(await noSecret.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_client", CannotAuthenticate)));
        using var noToken = await RevokeAsync(new() { ["client_id"] = emulator.RegisteredClientId, ["client_secret"] = emulator.RegisteredClientSecret });
        Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await noToken.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("invalid_request")));
        using var unknown = await RevokeAsync(new() { ["client_id"] = emulator.RegisteredClientId, ["client_secret"] = emulator.RegisteredClientSecret, ["token"] = "unknown" });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Authorize_page_errors_scope_filtering_and_denial()
    {
        var emulator = Create(configure: o => o.ApplicationScopes = ["profile:read", "workouts:read"]);
        using var http = emulator.CreateClient();
        var (_, challenge) = Pkce();

        using var method = await http.GetAsync(new Uri(AuthorizeUrl(emulator, Scope, challenge, method: "S512"), UriKind.Relative));
        Assert.That(method.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await method.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "Unsupported 'code_challenge_method'")));

        using var badChallenge = await http.GetAsync(new Uri(AuthorizeUrl(emulator, Scope, "too-short"), UriKind.Relative));
        Assert.That(await badChallenge.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "Invalid 'code_challenge'")));

        using var unknown = await http.GetAsync(new Uri($"profile/apps/authorize?response_type=code&client_id=nobody&scope=profile%3Aread", UriKind.Relative));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(Body("not found", "OAuth2 client not found")));

        // Scopes the application was not registered with are dropped (workouts:write here, users:write is not even valid).
        var (code, verifier) = await AuthorizeAsync(emulator, http, "profile:read workouts:write users:write");
        using var exchange = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier)));
        Assert.That((await JsonAsync(exchange))["scope"]!.GetValue<string>(), Is.EqualTo("profile:read"));

        var denying = Create(configure: o => o.DenyAuthorization = true);
        using var deniedHttp = denying.CreateClient();
        using var denied = await deniedHttp.GetAsync(new Uri(AuthorizeUrl(denying, Scope, challenge), UriKind.Relative));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await denied.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "The resource owner or authorization server denied the request")));
    }

    [Test]
    public async Task Without_a_scope_in_the_authorize_url_the_token_can_do_nothing()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();
        var (code, verifier) = await AuthorizeAsync(emulator, http, scope: null);
        using var exchange = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier)));
        var token = await JsonAsync(exchange);
        Assert.That(token["scope"]!.GetValue<string>(), Is.Empty);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/sports", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token["access_token"]!.GetValue<string>());
        using var sports = await http.SendAsync(request);
        Assert.That(sports.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await sports.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("insufficient_scope", "The request requires higher privileges than provided by the access token.")));
    }

    [Test]
    public async Task Resource_protector_answers_each_bad_authorization_header_in_its_own_shape()
    {
        var emulator = Create();
        using var http = emulator.CreateClient();

        using var none = await http.GetAsync(new Uri("api/workouts", UriKind.Relative));
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await none.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "provide a valid auth token")));

        using var bare = new HttpRequestMessage(HttpMethod.Get, new Uri("api/workouts", UriKind.Relative));
        bare.Headers.TryAddWithoutValidation("Authorization", "Bearer");
        using var crash = await http.SendAsync(bare);
        Assert.That(crash.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(crash.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));

        using var basic = new HttpRequestMessage(HttpMethod.Get, new Uri("api/workouts", UriKind.Relative));
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        using var unsupported = await http.SendAsync(basic);
        Assert.That(unsupported.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await unsupported.Content.ReadAsStringAsync(), Is.EqualTo(OAuthBody("unsupported_token_type")));

        using var readOnly = AuthorizedClient(emulator, "workouts:read");
        using var write = await readOnly.DeleteAsync(new Uri($"api/workouts/{emulator.Workouts[0].Id}", UriKind.Relative));
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(emulator.Workouts, Has.Count.EqualTo(12));
    }
}
