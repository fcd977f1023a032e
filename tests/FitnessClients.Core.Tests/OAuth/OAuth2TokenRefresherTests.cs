using System.Collections.Immutable;
using System.Net;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.OAuth;

public class OAuth2TokenRefresherTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static readonly OAuthToken Current = new()
    {
        AccessToken = "old-access",
        RefreshToken = "old-refresh",
        ExpiresAt = Now.AddMinutes(-1),
        Scopes = ["read", "activity:read_all"],
        Extras = ImmutableDictionary<string, string>.Empty.Add("athlete_id", "134815"),
    };

    private static (OAuth2TokenRefresher Refresher, TokenEndpointStub Stub) Create(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var stub = new TokenEndpointStub().Respond(status, body);
        var client = new OAuth2TokenClient(stub.CreateClient(), new OAuth2ClientCredentials("1", "secret"), TokenEndpointStub.Endpoint, new FakeTimeProvider(Now));
        return (new OAuth2TokenRefresher(client), stub);
    }

    [Test]
    public async Task A_rotated_refresh_token_replaces_the_old_one_and_expiry_counts_from_the_clock()
    {
        var (refresher, stub) = Create("""{"token_type":"Bearer","access_token":"new-access","expires_in":21600,"refresh_token":"new-refresh"}""");

        var token = await refresher.RefreshAsync(Current);

        Assert.That(stub.Requests.Single().Form["refresh_token"], Is.EqualTo("old-refresh"));
        Assert.That(token.AccessToken, Is.EqualTo("new-access"));
        Assert.That(token.RefreshToken, Is.EqualTo("new-refresh"));
        Assert.That(token.ExpiresAt, Is.EqualTo(Now.AddSeconds(21600)));
    }

    [Test]
    public async Task Keeps_the_old_refresh_token_previous_scopes_and_extras_when_the_response_omits_them()
    {
        var (refresher, _) = Create("""{"access_token":"new-access","expires_at":1767614400}""");

        var token = await refresher.RefreshAsync(Current);

        Assert.That(token.RefreshToken, Is.EqualTo("old-refresh"));
        Assert.That(token.Scopes, Is.EqualTo(new[] { "read", "activity:read_all" }));
        Assert.That(token.Extras, Is.EquivalentTo(Current.Extras));
        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1767614400)));
    }

    [Test]
    public async Task Uses_the_scopes_the_response_reports()
    {
        var (refresher, _) = Create("""{"access_token":"new-access","scope":"read"}""");

        var token = await refresher.RefreshAsync(Current);

        Assert.That(token.Scopes, Is.EqualTo(new[] { "read" }));
    }

    [Test]
    public void A_token_without_a_refresh_token_requires_a_new_sign_in_without_calling_the_service()
    {
        var (refresher, stub) = Create("""{"access_token":"a"}""");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => refresher.RefreshAsync(Current with { RefreshToken = null }));

        Assert.That(ex!.Message, Does.Contain("Sign in again"));
        Assert.That(stub.Requests, Is.Empty);
    }

    [Test]
    public void A_revoked_refresh_token_surfaces_as_authentication_required()
    {
        var (refresher, _) = Create("""{"error":"invalid_grant"}""", HttpStatusCode.BadRequest);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => refresher.RefreshAsync(Current));

        Assert.That(ex!.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(ex.Message, Does.Not.Contain("old-refresh"));
    }
}
