using System.Collections.Immutable;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Strava.Tests.Clients;

/// <summary>A <see cref="StravaClient"/> built by <see cref="StravaClient.Create"/> over MockHttp, with a stored token.</summary>
internal static class StravaTestClient
{
    public const string Api = "https://www.strava.com/api/v3/";

    // Built at run time: no token-looking literal in the repository.
    public static readonly string AccessToken = string.Concat("test-access-", Guid.NewGuid().ToString("N"));

    public static async Task<StravaClient> CreateAsync(MockHttpMessageHandler mock, FakeTimeProvider clock, params string[] scopes)
    {
        var store = new InMemoryTokenStore();
        await store.SaveAsync("strava", new OAuthToken
        {
            AccessToken = AccessToken,
            RefreshToken = string.Concat("test-refresh-", Guid.NewGuid().ToString("N")),
            TokenType = "Bearer",
            ExpiresAt = clock.GetUtcNow().AddHours(6),
            Scopes = [.. scopes],
        });
        var options = new StravaClientOptions
        {
            ClientId = "4242",
            ClientSecret = string.Concat("secret-", Guid.NewGuid().ToString("N")),
            TokenStore = store,
            TokenKey = "strava",
            PrimaryHandler = mock,
            TimeProvider = clock,
            RateLimitPolicy = StravaRateLimits.CreatePolicy(clock),
        };
        options.Resilience.Enabled = false;
        return StravaClient.Create(options);
    }
}
