using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

// The two small additions the Garmin emulator needed from the kit's token endpoint, tested on their own.
public class OAuthExtensionGrantTests
{
    private const string GrantType = "urn:example:grant:ticket";

    [Test]
    public async Task An_extension_grant_issues_refreshable_tokens_made_by_the_access_token_factory()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var oauth = new OAuthTokenEndpointEmulator(clock)
        {
            AccessTokenFactory = info => $"at-{info.ClientId}-{info.Subject}-{info.ExpiresAt.ToUnixTimeSeconds()}-{Guid.NewGuid():N}",
        };
        oauth.RegisterClient("app", "secret", authMethods: OAuthClientAuthMethods.ClientSecretPost);
        var seen = new List<string?>();
        oauth.RegisterExtensionGrant(GrantType, request =>
        {
            seen.Add(request.GetParameter("ticket"));
            return request.GetParameter("ticket") == "good"
                ? OAuthExtensionGrantResult.Grant("user-7", ["read"])
                : OAuthExtensionGrantResult.Reject("invalid_grant", "The ticket is not valid.", "ticket");
        });
        var emulator = new RoutesOnly(clock);
        oauth.MapRoutes(emulator.Router, "/token");
        using var http = emulator.CreateClient();

        using var good = await http.PostAsync("token", Form(("grant_type", GrantType), ("client_id", "app"), ("client_secret", "secret"), ("ticket", "good")));
        using var bad = await http.PostAsync("token", Form(("grant_type", GrantType), ("client_id", "app"), ("client_secret", "secret"), ("ticket", "bad")));
        using var wrongClient = await http.PostAsync("token", Form(("grant_type", GrantType), ("client_id", "app"), ("client_secret", "nope"), ("ticket", "good")));
        using var unknownGrant = await http.PostAsync("token", Form(("grant_type", "urn:other"), ("client_id", "app"), ("client_secret", "secret")));

        var tokens = await good.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var access = tokens!["access_token"]!.GetValue<string>();
        Assert.That(access, Does.StartWith($"at-app-user-7-{clock.GetUtcNow().AddHours(6).ToUnixTimeSeconds()}-"));
        Assert.That(oauth.ValidateAccessToken(access)!.Subject, Is.EqualTo("user-7"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await bad.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>(), Is.EqualTo("invalid_grant"));
        Assert.That(wrongClient.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(seen, Is.EqualTo(new[] { "good", "bad" }), "the handler runs only after the client authenticated");
        Assert.That((await unknownGrant.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>(), Is.EqualTo("unsupported_grant_type"));

        using var refreshed = await http.PostAsync("token", Form(("grant_type", "refresh_token"), ("client_id", "app"), ("client_secret", "secret"), ("refresh_token", tokens["refresh_token"]!.GetValue<string>())));
        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(() => oauth.RegisterExtensionGrant("refresh_token", _ => OAuthExtensionGrantResult.Grant("x", [])), Throws.ArgumentException);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private sealed class RoutesOnly(TimeProvider clock) : ServiceEmulator(clock);
}
