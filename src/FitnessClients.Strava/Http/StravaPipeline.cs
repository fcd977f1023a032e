using FitnessClients.Core.Http;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.RateLimits;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Strava.Http;

/// <summary>Builds the parts of a Strava client: token manager with an OAuth2 refresher, rate policy, pipeline settings.</summary>
internal static class StravaPipeline
{
    public const string SignInHint =
        "Authorize the application again in a browser and store the new token (see docs/strava.md, 'Getting a token').";

    public const string MissingTokenStore =
        "StravaClientOptions.TokenStore is required: the client reads its Strava token from it and saves each refreshed token there before using it (Strava rotates refresh tokens). Use a FileTokenStore for scripts and command-line tools.";

    public static RateLimitPolicy GetRateLimitPolicy(StravaClientOptions options) =>
        options.RateLimitPolicy
        ?? (string.IsNullOrWhiteSpace(options.ClientId)
            ? StravaRateLimits.CreatePolicy(options.TimeProvider)
            : StravaRateLimits.GetSharedPolicy(options.ClientId, options.TimeProvider));

    public static FitnessPipelineSettings CreateSettings(StravaClientOptions options, TokenManager tokens, RateLimitPolicy policy, ILoggerFactory? loggerFactory) => new()
    {
        ServiceName = StravaErrorMapping.ServiceName,
        TokenManager = tokens,
        RateLimitPolicy = policy,
        Resilience = options.Resilience,
        ErrorMapping = StravaErrorMapping.CreateOptions(),
        DefaultHeaders = new Dictionary<string, string>(options.DefaultRequestHeaders, StringComparer.OrdinalIgnoreCase),
        TimeProvider = options.TimeProvider,
        LoggerFactory = options.LoggerFactory ?? loggerFactory,
    };

    public static TokenManager CreateTokenManager(StravaClientOptions options, HttpClient tokenHttpClient, ILoggerFactory? loggerFactory)
    {
        var store = options.TokenStore ?? throw new ArgumentException(MissingTokenStore, nameof(options));
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException("StravaClientOptions.ClientId and ClientSecret are required to refresh tokens (from strava.com/settings/api).", nameof(options));
        }

        var tokenClient = new OAuth2TokenClient(
            tokenHttpClient,
            new OAuth2ClientCredentials(options.ClientId, options.ClientSecret),
            new Uri(FitnessPipeline.WithTrailingSlash(options.EffectiveOAuthBaseAddress), "token"),
            options.TimeProvider)
        {
            ServiceName = StravaErrorMapping.ServiceName,
        };
        return new TokenManager(
            store,
            options.TokenKey,
            new OAuth2TokenRefresher(tokenClient),
            new TokenManagerOptions { RefreshMargin = options.TokenRefreshMargin, Service = StravaErrorMapping.ServiceName, SignInHint = SignInHint },
            options.TimeProvider,
            (options.LoggerFactory ?? loggerFactory)?.CreateLogger<TokenManager>());
    }
}
