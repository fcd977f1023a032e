using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class OAuthTokenEndpointEmulatorTests
{
    private const string Redirect = "http://127.0.0.1:8765/callback";
    private FakeTimeProvider _clock = null!;
    private TestEmulator _emulator = null!;
    private HttpClient _client = null!;

    private OAuthTokenEndpointEmulator OAuth => _emulator.OAuth;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        _emulator = new TestEmulator(_clock);
        _client = _emulator.CreateClient();
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> PostTokenAsync(
        IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? authorization = null, string path = "oauth/token")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = authorization;
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject(), response);
    }

    private Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> ExchangeAsync(string code, string? verifier = null, string? redirect = Redirect)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "authorization_code"), new("code", code), new("client_id", "client-1"), new("client_secret", "secret-1") };
        if (redirect is not null)
        {
            form.Add(new("redirect_uri", redirect));
        }

        if (verifier is not null)
        {
            form.Add(new("code_verifier", verifier));
        }

        return PostTokenAsync(form);
    }

    private Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> RefreshAsync(string refreshToken) =>
        PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", "client-1"), new("client_secret", "secret-1")]);

    private async Task<HttpStatusCode> CallApiAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Str(JsonObject body, string name) => body[name]!.GetValue<string>();

    [Test]
    public async Task Exchanges_a_code_for_tokens_that_authorize_the_service_routes()
    {
        var code = OAuth.IssueAuthorizationCode("client-1", ["read", "activity:read_all"], Redirect, subject: "athlete-7");
        var (status, body, response) = await ExchangeAsync(code);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That(Str(body, "token_type"), Is.EqualTo("Bearer"));
        Assert.That(body["expires_in"]!.GetValue<long>(), Is.EqualTo(6 * 3600));
        Assert.That(Str(body, "scope"), Is.EqualTo("read activity:read_all"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        var access = Str(body, "access_token");
        Assert.That(access, Has.Length.GreaterThanOrEqualTo(40));
        Assert.That(Str(body, "refresh_token"), Is.Not.EqualTo(access));

        Assert.That(await CallApiAsync(access), Is.EqualTo(HttpStatusCode.OK));
        var info = OAuth.ValidateAccessToken(access)!;
        Assert.That((info.Subject, info.ClientId, info.HasScope("activity:read_all")), Is.EqualTo(("athlete-7", "client-1", true)));
        Assert.That(OAuth.CodeExchanges, Is.EqualTo(1));
        Assert.That(await CallApiAsync("not-a-token"), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_code_works_once_and_reusing_it_revokes_what_it_issued()
    {
        var code = OAuth.IssueAuthorizationCode("client-1", ["read"], Redirect);
        var (_, first, _) = await ExchangeAsync(code);
        var (status, body, _) = await ExchangeAsync(code);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Str(body, "error"), Is.EqualTo("invalid_grant"));
        Assert.That(OAuth.IsValidAccessToken(Str(first, "access_token")), Is.False);
        Assert.That((await RefreshAsync(Str(first, "refresh_token"))).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(OAuth.RejectedRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task A_code_expires_and_must_be_redeemed_with_its_redirect_uri()
    {
        var code = OAuth.IssueAuthorizationCode("client-1", ["read"], Redirect);
        Assert.That(Str((await ExchangeAsync(code, redirect: "http://evil.test/cb")).Body, "error"), Is.EqualTo("invalid_grant"));
        Assert.That(Str((await ExchangeAsync(code, redirect: null)).Body, "error"), Is.EqualTo("invalid_grant"));

        var late = OAuth.IssueAuthorizationCode("client-1", ["read"], Redirect);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.That(Str((await ExchangeAsync(late)).Body, "error"), Is.EqualTo("invalid_grant"));
        Assert.That((await ExchangeAsync(code)).Status, Is.EqualTo(HttpStatusCode.BadRequest), "expired by now too");
    }

    [Test]
    public async Task PKCE_S256_accepts_the_right_verifier_and_rejects_a_wrong_or_missing_one()
    {
        var verifier = new string('v', 20) + "-._~" + new string('Z', 30);
        var wrong = OAuth.IssueAuthorizationCode("client-1", ["read"], Redirect, Challenge(verifier));
        Assert.That(Str((await ExchangeAsync(wrong, verifier: verifier + "x")).Body, "error"), Is.EqualTo("invalid_grant"));
        Assert.That(Str((await ExchangeAsync(wrong)).Body, "error"), Is.EqualTo("invalid_grant"));

        var right = OAuth.IssueAuthorizationCode("client-1", ["read"], Redirect, Challenge(verifier));
        Assert.That((await ExchangeAsync(right, verifier: verifier)).Status, Is.EqualTo(HttpStatusCode.OK));

        var plain = OAuth.IssueAuthorizationCode("client-1", ["read"], Redirect, verifier, "plain");
        Assert.That((await ExchangeAsync(plain, verifier: verifier)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_public_client_exchanges_with_PKCE_and_no_secret()
    {
        OAuth.RegisterClient("cli", clientSecret: null);
        var verifier = new string('a', 64);
        var code = OAuth.IssueAuthorizationCode("cli", ["read"], codeChallenge: Challenge(verifier));
        var (status, _, _) = await PostTokenAsync([new("grant_type", "authorization_code"), new("code", code), new("client_id", "cli"), new("code_verifier", verifier)]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refreshing_rotates_the_refresh_token_and_the_old_one_dies_at_once()
    {
        var tokens = OAuth.IssueTokens("client-1", ["read"]);
        _clock.Advance(TimeSpan.FromHours(1));

        var (status, body, _) = await RefreshAsync(tokens.RefreshToken);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var newRefresh = Str(body, "refresh_token");
        var newAccess = Str(body, "access_token");
        Assert.That(newRefresh, Is.Not.EqualTo(tokens.RefreshToken));
        Assert.That(newAccess, Is.Not.EqualTo(tokens.AccessToken));

        var (reuseStatus, reuseBody, _) = await RefreshAsync(tokens.RefreshToken);
        Assert.That(reuseStatus, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Str(reuseBody, "error"), Is.EqualTo("invalid_grant"));

        Assert.That((await RefreshAsync(newRefresh)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(OAuth.Refreshes, Is.EqualTo(2));

        // The superseded access token lives until its own expiry, then dies on the clock.
        Assert.That(await CallApiAsync(tokens.AccessToken), Is.EqualTo(HttpStatusCode.OK));
        _clock.Advance(TimeSpan.FromHours(5));
        Assert.That(await CallApiAsync(tokens.AccessToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await CallApiAsync(newAccess), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Without_rotation_the_same_refresh_token_keeps_working()
    {
        OAuth.RotateRefreshTokens = false;
        var tokens = OAuth.IssueTokens("client-1", ["read"]);
        var (_, body, _) = await RefreshAsync(tokens.RefreshToken);
        Assert.That(Str(body, "refresh_token"), Is.EqualTo(tokens.RefreshToken));
        Assert.That((await RefreshAsync(tokens.RefreshToken)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Like_Strava_a_refresh_returns_the_current_access_token_while_it_has_more_than_an_hour_left()
    {
        OAuth.ReuseAccessTokenWhenValidFor = TimeSpan.FromHours(1);
        var tokens = OAuth.IssueTokens("client-1", ["read"]);

        _clock.Advance(TimeSpan.FromHours(4));
        var (_, early, _) = await RefreshAsync(tokens.RefreshToken);
        Assert.That(Str(early, "access_token"), Is.EqualTo(tokens.AccessToken));
        Assert.That(Str(early, "refresh_token"), Is.EqualTo(tokens.RefreshToken));
        Assert.That(early["expires_in"]!.GetValue<long>(), Is.EqualTo(2 * 3600));

        _clock.Advance(TimeSpan.FromHours(1));
        var (_, late, _) = await RefreshAsync(tokens.RefreshToken);
        Assert.That(Str(late, "access_token"), Is.Not.EqualTo(tokens.AccessToken));
        Assert.That(late["expires_in"]!.GetValue<long>(), Is.EqualTo(6 * 3600));
    }

    [Test]
    public async Task Refresh_tokens_expire_after_the_idle_lifetime()
    {
        OAuth.RefreshTokenIdleLifetime = TimeSpan.FromDays(20);
        var tokens = OAuth.IssueTokens("client-1", ["read"]);

        _clock.Advance(TimeSpan.FromDays(19));
        var (status, body, _) = await RefreshAsync(tokens.RefreshToken);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));

        _clock.Advance(TimeSpan.FromDays(20));
        var (idleStatus, idleBody, _) = await RefreshAsync(Str(body, "refresh_token"));
        Assert.That(idleStatus, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Str(idleBody, "error_description"), Does.Contain("expired"));
    }

    [Test]
    public async Task A_refresh_may_narrow_but_not_widen_the_scope()
    {
        var tokens = OAuth.IssueTokens("client-1", ["read", "activity:read"]);
        var (_, wide, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", tokens.RefreshToken), new("client_id", "client-1"), new("client_secret", "secret-1"), new("scope", "read activity:write")]);
        Assert.That(Str(wide, "error"), Is.EqualTo("invalid_scope"));
        var (_, narrow, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", tokens.RefreshToken), new("client_id", "client-1"), new("client_secret", "secret-1"), new("scope", "read")]);
        Assert.That(Str(narrow, "scope"), Is.EqualTo("read"));
    }

    [Test]
    public async Task Clients_authenticate_with_Basic_or_post_as_registered()
    {
        OAuth.RegisterClient("basic-only", "b-secret", authMethods: OAuthClientAuthMethods.ClientSecretBasic);
        OAuth.RegisterClient("post-only", "p-secret", authMethods: OAuthClientAuthMethods.ClientSecretPost);
        static AuthenticationHeaderValue Basic(string id, string secret) =>
            new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(id) + ":" + Uri.EscapeDataString(secret))));

        var basicTokens = OAuth.IssueTokens("basic-only", ["read"]);
        var (ok, _, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", basicTokens.RefreshToken)], Basic("basic-only", "b-secret"));
        Assert.That(ok, Is.EqualTo(HttpStatusCode.OK));

        var basicAgain = OAuth.IssueTokens("basic-only", ["read"]);
        var (postStatus, postBody, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", basicAgain.RefreshToken), new("client_id", "basic-only"), new("client_secret", "b-secret")]);
        Assert.That((postStatus, Str(postBody, "error")), Is.EqualTo((HttpStatusCode.Unauthorized, "invalid_client")));

        var postTokens = OAuth.IssueTokens("post-only", ["read"]);
        var (basicStatus, _, basicResponse) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", postTokens.RefreshToken)], Basic("post-only", "p-secret"));
        Assert.That(basicStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(basicResponse.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Basic"));

        var (both, bothBody, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", basicAgain.RefreshToken), new("client_secret", "b-secret")], Basic("basic-only", "b-secret"));
        Assert.That((both, Str(bothBody, "error")), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_request")));

        var (wrongSecret, _, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", postTokens.RefreshToken), new("client_id", "post-only"), new("client_secret", "nope")]);
        Assert.That(wrongSecret, Is.EqualTo(HttpStatusCode.Unauthorized));

        // A client cannot use another client's refresh token.
        var (stolen, stolenBody, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", postTokens.RefreshToken), new("client_id", "client-1"), new("client_secret", "secret-1")]);
        Assert.That((stolen, Str(stolenBody, "error")), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_grant")));
    }

    [Test]
    public async Task Revoking_a_refresh_token_ends_the_whole_grant_and_revoking_an_access_token_only_that_token()
    {
        var first = OAuth.IssueTokens("client-1", ["read"]);
        Assert.That(OAuth.Revoke(first.AccessToken), Is.True);
        Assert.That(await CallApiAsync(first.AccessToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await RefreshAsync(first.RefreshToken)).Status, Is.EqualTo(HttpStatusCode.OK));

        var second = OAuth.IssueTokens("client-1", ["read"]);
        Assert.That(OAuth.Revoke(second.RefreshToken), Is.True);
        Assert.That(await CallApiAsync(second.AccessToken), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await RefreshAsync(second.RefreshToken)).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(OAuth.Revoke("unknown"), Is.False);
    }

    [Test]
    public async Task The_revocation_endpoint_revokes_the_clients_own_tokens()
    {
        var tokens = OAuth.IssueTokens("client-1", ["read"]);
        var (status, _, _) = await PostTokenAsync([new("token", tokens.AccessToken), new("client_id", "client-1"), new("client_secret", "secret-1")], path: "oauth/revoke");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(OAuth.IsValidAccessToken(tokens.AccessToken), Is.False);

        OAuth.RegisterClient("other", "o-secret");
        var others = OAuth.IssueTokens("other", ["read"]);
        (status, _, _) = await PostTokenAsync([new("token", others.AccessToken), new("client_id", "client-1"), new("client_secret", "secret-1")], path: "oauth/revoke");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(OAuth.IsValidAccessToken(others.AccessToken), Is.True, "a client cannot revoke another client's token");
    }

    [TestCase("password", "unsupported_grant_type")]
    [TestCase("", "invalid_request")]
    public async Task Unsupported_or_missing_grant_types_are_rejected(string grantType, string error)
    {
        var (status, body, _) = await PostTokenAsync([new("grant_type", grantType), new("client_id", "client-1"), new("client_secret", "secret-1")]);
        Assert.That((status, Str(body, "error")), Is.EqualTo((HttpStatusCode.BadRequest, error)));
    }

    [Test]
    public async Task Parameters_in_the_query_are_accepted_only_when_enabled_and_a_JSON_body_is_not_a_form()
    {
        var tokens = OAuth.IssueTokens("client-1", ["read"]);
        var query = $"oauth/token?grant_type=refresh_token&client_id=client-1&client_secret=secret-1&refresh_token={tokens.RefreshToken}";
        using (var rejected = await _client.PostAsync(query, null))
        {
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        OAuth.AcceptParametersInQuery = true;
        using (var accepted = await _client.PostAsync(query, null))
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var json = await _client.PostAsync("oauth/token", new StringContent("""{"grant_type":"refresh_token"}""", Encoding.UTF8, "application/json"));
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Response_and_error_shapes_are_customisable_as_for_Strava()
    {
        OAuth.TokenResponseBody = context =>
        {
            var body = new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_at"] = context.Tokens.ExpiresAt.ToUnixTimeSeconds(),
                ["expires_in"] = context.ExpiresInSeconds,
                ["refresh_token"] = context.Tokens.RefreshToken,
                ["access_token"] = context.Tokens.AccessToken,
            };
            if (context.GrantType == "authorization_code")
            {
                body["athlete"] = new JsonObject { ["id"] = long.Parse(context.Tokens.Subject, System.Globalization.CultureInfo.InvariantCulture) };
            }

            return body;
        };
        OAuth.ErrorResponse = error => EmulatorResponses.Json(HttpStatusCode.BadRequest, new JsonObject
        {
            ["message"] = "Bad Request",
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = error.Field == "refresh_token" ? "RefreshToken" : "Application", ["field"] = error.Field, ["code"] = "invalid" }),
        });
        OAuth.TokenGenerator = _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

        var code = OAuth.IssueAuthorizationCode("client-1", ["read"], subject: "12345");
        var (_, body, _) = await ExchangeAsync(code, redirect: null);
        Assert.That(body["athlete"]!["id"]!.GetValue<long>(), Is.EqualTo(12345));
        Assert.That(body["expires_at"]!.GetValue<long>(), Is.EqualTo(FakeTimeDefaults.Start.AddHours(6).ToUnixTimeSeconds()));
        Assert.That(Str(body, "access_token"), Does.Match("^[0-9a-f]{40}$"));

        var (status, error, _) = await RefreshAsync("dead-token");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.ToJsonString(), Is.EqualTo("""{"message":"Bad Request","errors":[{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}]}"""));
    }

    [Test]
    public void Tokens_are_random_and_issued_only_to_known_clients()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => OAuth.IssueTokens("client-1", ["read"])).ToList();
        Assert.That(tokens.Select(t => t.AccessToken).Concat(tokens.Select(t => t.RefreshToken)).Distinct().Count(), Is.EqualTo(100));
        Assert.That(tokens[0].ToString(), Does.Not.Contain(tokens[0].AccessToken).And.Not.Contain(tokens[0].RefreshToken));
        Assert.That(() => OAuth.IssueTokens("nobody", ["read"]), Throws.ArgumentException);
        Assert.That(() => OAuth.IssueAuthorizationCode("nobody", ["read"]), Throws.ArgumentException);
        Assert.That(() => OAuth.RegisterClient("x", null, authMethods: OAuthClientAuthMethods.ClientSecretPost), Throws.ArgumentException);
    }

    [Test]
    public async Task Token_requests_never_echo_secrets_in_errors()
    {
        var (_, body, _) = await PostTokenAsync([new("grant_type", "refresh_token"), new("refresh_token", "super-secret-rt"), new("client_id", "client-1"), new("client_secret", "secret-1")]);
        Assert.That(body.ToJsonString(), Does.Not.Contain("super-secret-rt"));
        Assert.That(OAuth.TokenRequests, Is.EqualTo(1));
    }
}
