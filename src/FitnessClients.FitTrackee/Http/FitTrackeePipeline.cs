using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FitnessClients.Core.Http;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee.Auth;
using Microsoft.Extensions.Logging;

namespace FitnessClients.FitTrackee.Http;

/// <summary>Builds the parts of a FitTrackee client: token manager, rate policy, pipeline settings.</summary>
internal static class FitTrackeePipeline
{
    /// <summary>The name of the rate-limit bucket, which Flask-Limiter's headers correct.</summary>
    public const string RateLimitName = "fittrackee";

    public const string MissingTokenStore =
        "FitTrackeeClientOptions.TokenStore is required: the client reads its token from it and saves each refreshed token there before using it (FitTrackee rotates refresh tokens). Use a FileTokenStore for scripts and command-line tools.";

    private static readonly ConditionalWeakTable<TimeProvider, ConcurrentDictionary<string, RateLimitPolicy>> SharedPolicies = new();

    /// <summary>
    /// The policy of one instance, shared in this process: FitTrackee keys its limits by client IP, so every client of
    /// the same instance spends the same budget. Limits are off on a default install (since 1.0.4); when the admin set
    /// some, Flask-Limiter's <c>X-RateLimit-*</c> headers correct the bucket and a 429's <c>Retry-After</c> pauses it.
    /// </summary>
    public static RateLimitPolicy GetRateLimitPolicy(FitTrackeeClientOptions options) =>
        options.RateLimitPolicy
        ?? SharedPolicies.GetOrCreateValue(options.TimeProvider).GetOrAdd(
            options.EffectiveBaseAddress.GetLeftPart(UriPartial.Authority),
            _ => CreateDefaultPolicy(options.TimeProvider));

    /// <summary>A bucket of 20 requests refilled at 10 per second, corrected by the instance's headers.</summary>
    public static TokenBucketRateLimitPolicy CreateDefaultPolicy(TimeProvider timeProvider) =>
        new(capacity: 20, tokensPerPeriod: 10, period: TimeSpan.FromSeconds(1), timeProvider)
        {
            Name = RateLimitName,
            UsageReaders = [new FlaskLimiterHeaderReader(RateLimitName)],
        };

    public static FitnessPipelineSettings CreateSettings(FitTrackeeClientOptions options, TokenManager tokens, RateLimitPolicy policy, FitTrackeeLimits limits, ILoggerFactory? loggerFactory) => new()
    {
        ServiceName = FitTrackeeErrorMapping.ServiceName,
        TokenManager = tokens,
        RateLimitPolicy = policy,
        Resilience = options.Resilience,
        ErrorMapping = FitTrackeeErrorMapping.CreateOptions(limits),
        DefaultHeaders = new Dictionary<string, string>(options.DefaultRequestHeaders, StringComparer.OrdinalIgnoreCase),
        TimeProvider = options.TimeProvider,
        LoggerFactory = options.LoggerFactory ?? loggerFactory,
    };

    public static OAuth2TokenClient CreateTokenClient(FitTrackeeClientOptions options, HttpClient tokenHttpClient)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException(
                "FitTrackeeClientOptions.ClientId and ClientSecret are required (register an app on your instance: Settings → Apps → New app).",
                nameof(options));
        }

        Core.Http.TransportSecurity.ValidateAddress(options.EffectiveBaseAddress, options, nameof(options));
        // FitTrackee accepts only client_secret_post: the id and secret go in the form body, never as HTTP Basic.
        return new OAuth2TokenClient(
            tokenHttpClient,
            new OAuth2ClientCredentials(options.ClientId.Trim(), options.ClientSecret, ClientAuthenticationStyle.ClientSecretPost),
            options.TokenEndpoint,
            options.TimeProvider)
        {
            ServiceName = FitTrackeeErrorMapping.ServiceName,
        };
    }

    public static TokenManager CreateTokenManager(FitTrackeeClientOptions options, HttpClient tokenHttpClient, ILoggerFactory? loggerFactory)
    {
        var store = options.TokenStore ?? throw new ArgumentException(MissingTokenStore, nameof(options));
        return new TokenManager(
            store,
            options.TokenKey,
            new FitTrackeeTokenRefresher(CreateTokenClient(options, tokenHttpClient)),
            new TokenManagerOptions { RefreshMargin = options.TokenRefreshMargin, Service = FitTrackeeErrorMapping.ServiceName, SignInHint = FitTrackeeErrorMapping.SignInHint },
            options.TimeProvider,
            (options.LoggerFactory ?? loggerFactory)?.CreateLogger<TokenManager>());
    }
}
