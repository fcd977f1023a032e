using System.Net;
using FitnessClients.Core.OAuth;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.OAuth;

public class OAuth2TokenResponseTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static async Task<OAuth2TokenResponse> ParseAsync(string body)
    {
        var stub = new TokenEndpointStub().Respond(HttpStatusCode.OK, body);
        var client = new OAuth2TokenClient(stub.CreateClient(), new OAuth2ClientCredentials("1", "secret"), TokenEndpointStub.Endpoint, new FakeTimeProvider(Now));
        return await client.RefreshAsync("r");
    }

    [Test]
    public async Task Stravas_exchange_response_uses_expires_at_and_keeps_the_athlete()
    {
        // expires_at and expires_in disagree on purpose: Strava returns the still-valid token with its original expiry.
        var response = await ParseAsync("""
            {"token_type":"Bearer","expires_at":1767603600,"expires_in":20566,"refresh_token":"e5n567567","access_token":"a4b945687g",
             "athlete":{"id":134815,"username":"marianne_v","resource_state":2,"premium":true}}
            """);

        var token = response.ToToken(Now, ["read", "activity:read_all"]);

        Assert.That(response.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1767603600)));
        Assert.That(response.ExpiresIn, Is.EqualTo(20566));
        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1767603600)));
        Assert.That(token.AccessToken, Is.EqualTo("a4b945687g"));
        Assert.That(token.RefreshToken, Is.EqualTo("e5n567567"));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }));
        Assert.That(response.Raw.GetProperty("athlete").GetProperty("id").GetInt64(), Is.EqualTo(134815));
        Assert.That(token.Extras, Is.Empty);
    }

    [Test]
    public async Task Fittrackees_response_computes_expiry_from_expires_in_and_splits_space_separated_scopes()
    {
        var response = await ParseAsync("""{"token_type":"Bearer","access_token":"a","expires_in":864000,"refresh_token":"r2","scope":"profile:read workouts:write"}""");

        var token = response.ToToken(Now, ["ignored"]);

        Assert.That(token.ExpiresAt, Is.EqualTo(Now.AddSeconds(864000)));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "profile:read", "workouts:write" }));
    }

    [Test]
    public async Task Comma_separated_and_array_scopes_are_split_too()
    {
        var commas = await ParseAsync("""{"access_token":"a","scope":"read,activity:read_all, read"}""");
        var array = await ParseAsync("""{"access_token":"a","scope":["profile:read","workouts:read"]}""");

        Assert.That(commas.ToToken(Now).Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }));
        Assert.That(array.Scope, Is.EqualTo("profile:read workouts:read"));
        Assert.That(array.ToToken(Now).Scopes, Is.EqualTo(new[] { "profile:read", "workouts:read" }));
    }

    [Test]
    public async Task A_token_without_expiry_or_refresh_token_never_expires()
    {
        var response = await ParseAsync("""{"token_type":"Bearer","access_token":"2ec59fa9"}""");

        var token = response.ToToken(Now);

        Assert.That(token.ExpiresAt, Is.Null);
        Assert.That(token.RefreshToken, Is.Null);
        Assert.That(token.Scopes, Is.Empty);
    }

    [Test]
    public async Task Numbers_as_strings_floats_lower_case_bearer_and_unknown_fields_are_accepted()
    {
        var response = await ParseAsync("""{"access_token":"a","token_type":"bearer","expires_in":"3600","expires_at":1767603600.0,"id_token":"x","nested":{"a":[1,2,]},}""");

        var token = response.ToToken(Now);

        Assert.That(response.ExpiresIn, Is.EqualTo(3600));
        Assert.That(token.TokenType, Is.EqualTo("Bearer"));
        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1767603600)));
        Assert.That(response.Raw.GetProperty("id_token").GetString(), Is.EqualTo("x"));
    }

    [Test]
    public async Task An_empty_scope_string_means_nothing_was_granted_rather_than_falling_back()
    {
        var response = await ParseAsync("""{"access_token":"a","scope":""}""");

        Assert.That(response.ToToken(Now, ["read"]).Scopes, Is.Empty);
    }

    [Test]
    public void ToToken_refuses_a_response_without_an_access_token()
    {
        Assert.Throws<InvalidOperationException>(() => new OAuth2TokenResponse().ToToken(Now));
    }

    [TestCase(null, new string[0])]
    [TestCase("", new string[0])]
    [TestCase("a b", new[] { "a", "b" })]
    [TestCase(" a,,b  c ", new[] { "a", "b", "c" })]
    public void SplitScopes_handles_spaces_commas_and_blanks(string? scope, string[] expected)
    {
        Assert.That(OAuth2TokenResponse.SplitScopes(scope), Is.EqualTo(expected));
    }
}
