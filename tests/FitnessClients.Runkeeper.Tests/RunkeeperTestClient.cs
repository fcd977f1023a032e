using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Runkeeper.Tests;

/// <summary>A <see cref="RunkeeperClient"/> built by <see cref="RunkeeperClient.Create"/> over any handler, with a stored token.</summary>
internal static class RunkeeperTestClient
{
    public const string Api = "https://api.runkeeper.com/";

    // Built at run time: no token-looking literal in the repository.
    public static string NewToken() => string.Concat("rk-test-", Guid.NewGuid().ToString("N"));

    public static async Task<(RunkeeperClient Client, InMemoryTokenStore Store)> CreateAsync(
        HttpMessageHandler handler, FakeTimeProvider clock, string accessToken, RateLimitPolicy? policy = null, Action<RunkeeperClientOptions>? configure = null)
    {
        var store = new InMemoryTokenStore();
        await store.SaveAsync("runkeeper", new OAuthToken { AccessToken = accessToken, TokenType = "Bearer" });
        var options = new RunkeeperClientOptions
        {
            TokenStore = store,
            TokenKey = "runkeeper",
            PrimaryHandler = handler,
            TimeProvider = clock,
            RateLimitPolicy = policy ?? RunkeeperRateLimits.CreatePolicy(clock, 10_000),
        };
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        return (RunkeeperClient.Create(options), store);
    }

    public static Task<(RunkeeperClient Client, InMemoryTokenStore Store)> ForEmulatorAsync(
        RunkeeperEmulator emulator, FakeTimeProvider clock, RateLimitPolicy? policy = null, Action<RunkeeperClientOptions>? configure = null) =>
        CreateAsync(emulator.CreateHandler(), clock, emulator.IssueAccessToken(), policy, configure);
}
