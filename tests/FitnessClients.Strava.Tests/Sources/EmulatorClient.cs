using FitnessClients.Core.Tokens;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.Sources;

/// <summary>A client of a Strava emulator with a seeded token, the emulator's clock and a fresh rate policy.</summary>
internal static class EmulatorClient
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static async Task<StravaClient> CreateAsync(StravaEmulator emulator, FakeTimeProvider clock, params string[] scopes)
    {
        var issued = emulator.IssueTokens(scopes.Length == 0 ? null : scopes);
        var store = new InMemoryTokenStore();
        await store.SaveAsync("strava", new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            TokenType = "Bearer",
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        });
        var options = new StravaClientOptions
        {
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            TokenStore = store,
            TokenKey = "strava",
            PrimaryHandler = emulator.CreateHandler(),
            TimeProvider = clock,
            RateLimitPolicy = StravaRateLimits.CreatePolicy(clock),
        };
        options.Resilience.Enabled = false;
        return StravaClient.Create(options);
    }
}
