using System.Collections.Immutable;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Strava;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>Clients built exactly as an application builds them (<c>Create(options)</c>), signed in with emulator-issued tokens.</summary>
internal static class BenchClients
{
    public const string GarminTokenKey = "garmin-bench";
    public const string StravaTokenKey = "strava-bench";

    /// <summary>A Garmin token as the store keeps it after a sign-in.</summary>
    public static OAuthToken GarminToken(OAuthIssuedTokens issued) => new()
    {
        AccessToken = issued.AccessToken,
        RefreshToken = issued.RefreshToken,
        ExpiresAt = issued.ExpiresAt,
        Scopes = [.. issued.Scopes],
        Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, issued.ClientId),
    };

    /// <summary>A Strava token as the store keeps it after authorization.</summary>
    public static OAuthToken StravaToken(OAuthIssuedTokens issued) => new()
    {
        AccessToken = issued.AccessToken,
        RefreshToken = issued.RefreshToken,
        ExpiresAt = issued.ExpiresAt,
        Scopes = [.. issued.Scopes],
    };

    /// <summary>
    /// A Garmin client. <paramref name="server"/> set: over real HTTP to the loopback port (the SDK's own
    /// <c>SocketsHttpHandler</c>); otherwise <paramref name="handler"/>, in process. No client-side pacing: the run measures the SDK, not a budget.
    /// </summary>
    public static async Task<GarminConnectClient> GarminAsync(OAuthToken token, TimeProvider clock, HttpMessageHandler? handler = null, Uri? server = null)
    {
        var store = new InMemoryTokenStore();
        await store.SaveAsync(GarminTokenKey, token);
        return GarminConnectClient.Create(new GarminConnectClientOptions
        {
            TokenStore = store,
            TokenKey = GarminTokenKey,
            TimeProvider = clock,
            PrimaryHandler = handler,
            BaseAddress = server,
            DiAuthTokenEndpoint = server is null ? null : new Uri(server, GarminConnectEmulator.DiAuthTokenPath.TrimStart('/')),
            SsoBaseAddress = server,
            RateLimitPolicy = Unlimited(clock),
        });
    }

    /// <summary>A Strava client with the given client-side budget (Strava's own defaults when <paramref name="limits"/> is null).</summary>
    public static async Task<StravaClient> StravaAsync(
        OAuthToken token, string clientId, string clientSecret, TimeProvider clock, HttpMessageHandler? handler = null, Uri? server = null, StravaRateLimitSettings? limits = null, Action<StravaClientOptions>? configure = null)
    {
        var store = new InMemoryTokenStore();
        await store.SaveAsync(StravaTokenKey, token);
        var options = new StravaClientOptions
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            TokenStore = store,
            TokenKey = StravaTokenKey,
            TimeProvider = clock,
            PrimaryHandler = handler,
            BaseAddress = server is null ? null : new Uri(server, "api/v3/"),
            OAuthBaseAddress = server is null ? null : new Uri(server, "oauth/"),
            WebBaseAddress = server,
            RateLimitPolicy = StravaRateLimits.CreatePolicy(clock, RateLimitExhaustionBehavior.Wait, limits),
        };
        configure?.Invoke(options);
        return StravaClient.Create(options);
    }

    /// <summary>Strava's windows lifted far above any run's needs, for figures that count requests, not time.</summary>
    public static StravaRateLimitSettings NoStravaLimits { get; } = new()
    {
        Overall15Minutes = 1_000_000,
        OverallDaily = 10_000_000,
        Read15Minutes = 1_000_000,
        ReadDaily = 10_000_000,
    };

    /// <summary>
    /// A Strava emulator whose limits are as lifted as <see cref="NoStravaLimits"/>. Turning enforcement off is not enough:
    /// the emulator still reports its usage against Strava's limits in headers, and the client rightly paces by them.
    /// </summary>
    public static StravaEmulatorOptions UnlimitedStrava(int activityCount) => new()
    {
        ActivityCount = activityCount,
        OverallFifteenMinuteLimit = NoStravaLimits.Overall15Minutes,
        OverallDailyLimit = NoStravaLimits.OverallDaily,
        ReadFifteenMinuteLimit = NoStravaLimits.Read15Minutes,
        ReadDailyLimit = NoStravaLimits.ReadDaily,
    };

    private static TokenBucketRateLimitPolicy Unlimited(TimeProvider clock) =>
        new(capacity: 1_000_000, tokensPerPeriod: 1_000_000, period: TimeSpan.FromSeconds(1), clock) { Name = "bench-unlimited" };
}
