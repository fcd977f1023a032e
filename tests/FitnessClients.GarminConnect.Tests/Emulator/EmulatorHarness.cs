using System.Collections.Immutable;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

namespace FitnessClients.GarminConnect.Tests.Emulator;

/// <summary>
/// A <see cref="GarminConnectEmulator"/> on a fake clock, served in process, with a token store seeded from the
/// emulator's own diauth, and clients made with <c>GarminConnectClient.Create</c> over its handler.
/// </summary>
internal sealed class EmulatorHarness : IDisposable
{
    public const string TokenKey = "garmin-emulated";

    private readonly List<GarminConnectClient> _clients = [];

    public EmulatorHarness(GarminConnectEmulatorOptions? options = null, ITokenStore? store = null)
    {
        Clock = new TimerTrackingTimeProvider();
        Emulator = new GarminConnectEmulator(Clock, options ?? new GarminConnectEmulatorOptions { ActivityCount = 60 });
        Handler = Emulator.CreateHandler();
        Store = store ?? new InMemoryTokenStore();
    }

    public TimerTrackingTimeProvider Clock { get; }

    public GarminConnectEmulator Emulator { get; }

    public HttpMessageHandler Handler { get; }

    public ITokenStore Store { get; }

    /// <summary>Tokens issued by the emulator's diauth, stored as a login would store them.</summary>
    public async Task<OAuthToken> SeedTokensAsync(ITokenStore? store = null)
    {
        var issued = Emulator.IssueTokens();
        var token = new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
            Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, issued.ClientId),
        };
        await (store ?? Store).SaveAsync(TokenKey, token);
        return token;
    }

    /// <summary>A client over the emulator; a bucket too large to wait by default, so tests that are not about limits never pause.</summary>
    public GarminConnectClient CreateClient(Action<GarminConnectClientOptions>? configure = null, ITokenStore? store = null)
    {
        var options = new GarminConnectClientOptions
        {
            TokenStore = store ?? Store,
            TokenKey = TokenKey,
            TimeProvider = Clock,
            PrimaryHandler = Handler,
            RateLimitPolicy = new TokenBucketRateLimitPolicy(capacity: 100_000, tokensPerPeriod: 100_000, period: TimeSpan.FromSeconds(1), Clock),
        };
        configure?.Invoke(options);
        var client = GarminConnectClient.Create(options);
        _clients.Add(client);
        return client;
    }

    public async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Handler.Dispose();
    }
}
