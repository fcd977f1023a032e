using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;
using Microsoft.Extensions.Logging;

namespace FitnessClients.GarminConnect.Http;

/// <summary>The Garmin-specific parts of the client's plumbing, shared by <c>Create</c> and dependency injection.</summary>
internal static class GarminPipeline
{
    public const string SignInHint =
        "Get new Garmin tokens: exchange a service ticket or import tokens saved by garth or python-garminconnect (see docs/garmin-connect.md, 'Getting tokens').";

    /// <summary>A conservative bucket: bursts of 5, then 1 request per second. Garmin publishes no limit.</summary>
    public static RateLimitPolicy CreateDefaultRateLimitPolicy(TimeProvider timeProvider) =>
        new TokenBucketRateLimitPolicy(capacity: 5, tokensPerPeriod: 1, period: TimeSpan.FromSeconds(1), timeProvider) { Name = "garmin" };

    /// <summary>The native headers, then the caller's <see cref="Core.FitnessClientOptions.DefaultRequestHeaders"/> over them.</summary>
    public static IReadOnlyDictionary<string, string> CreateDefaultHeaders(GarminConnectClientOptions options)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in GarminHeaders.Native)
        {
            headers[name] = value;
        }

        foreach (var (name, value) in options.DefaultRequestHeaders)
        {
            headers[name] = value;
        }

        return headers;
    }

    public static FitnessPipelineSettings CreateSettings(GarminConnectClientOptions options, TokenManager tokens, RateLimitPolicy policy) => new()
    {
        ServiceName = GarminErrorMapping.ServiceName,
        TokenManager = tokens,
        RateLimitPolicy = policy,
        Resilience = options.Resilience,
        ErrorMapping = GarminErrorMapping.CreateOptions(),
        DefaultHeaders = CreateDefaultHeaders(options),
        TimeProvider = options.TimeProvider,
        LoggerFactory = options.LoggerFactory,
    };

    /// <summary>The token manager over the caller's store, refreshing at diauth through <paramref name="tokenHttpClient"/> (a plain client: no bearer, no Garmin pipeline).</summary>
    /// <exception cref="ArgumentException"><see cref="Core.FitnessClientOptions.TokenStore"/> is not set.</exception>
    public static TokenManager CreateTokenManager(GarminConnectClientOptions options, HttpClient tokenHttpClient, ILoggerFactory? loggerFactory)
    {
        var store = options.TokenStore ?? throw new ArgumentException(
            "GarminConnectClientOptions.TokenStore is required: the client reads its Garmin tokens from it and saves each refreshed token there (Garmin rotates refresh tokens). Use a FileTokenStore for scripts and command-line tools.",
            nameof(options));
        // DI tokens refresh at diauth; garth-imported tokens re-exchange their OAuth1 token when a consumer is configured.
        var refresher = new GarminTokenRefresher(tokenHttpClient, options.EffectiveDiAuthTokenEndpoint, options.EffectiveBaseAddress, options.OAuth1Consumer, options.TimeProvider);
        return new TokenManager(
            store,
            options.TokenKey,
            refresher,
            new TokenManagerOptions { RefreshMargin = options.TokenRefreshMargin, Service = GarminErrorMapping.ServiceName, SignInHint = SignInHint },
            options.TimeProvider,
            (loggerFactory ?? options.LoggerFactory)?.CreateLogger<TokenManager>());
    }
}
