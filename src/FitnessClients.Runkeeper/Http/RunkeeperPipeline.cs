using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper.Auth;
using FitnessClients.Runkeeper.RateLimits;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Runkeeper.Http;

/// <summary>Builds the parts of a Runkeeper client: a token manager that never refreshes, the rate policy, the pipeline settings.</summary>
internal static class RunkeeperPipeline
{
    public const string SignInHint =
        "Store the token again with `fitness runkeeper login --token ...` (or the code exchange, if you own a Health Graph app); see docs/runkeeper.md.";

    public const string MissingTokenStore =
        "RunkeeperClientOptions.TokenStore is required: the client reads the Runkeeper bearer token from it. Store an existing token with RunkeeperAuthenticator.StoreAccessTokenAsync, or use `fitness runkeeper login`.";

    public static RateLimitPolicy GetRateLimitPolicy(RunkeeperClientOptions options) =>
        options.RateLimitPolicy ?? RunkeeperRateLimits.CreatePolicy(options.TimeProvider);

    public static FitnessPipelineSettings CreateSettings(RunkeeperClientOptions options, TokenManager tokens, RateLimitPolicy policy, ILoggerFactory? loggerFactory) => new()
    {
        ServiceName = RunkeeperErrorMapping.ServiceName,
        TokenManager = tokens,
        RateLimitPolicy = policy,
        Resilience = options.Resilience,
        ErrorMapping = RunkeeperErrorMapping.CreateOptions(),
        DefaultHeaders = new Dictionary<string, string>(options.DefaultRequestHeaders, StringComparer.OrdinalIgnoreCase),
        TimeProvider = options.TimeProvider,
        LoggerFactory = options.LoggerFactory ?? loggerFactory,
    };

    public static TokenManager CreateTokenManager(RunkeeperClientOptions options, ILoggerFactory? loggerFactory)
    {
        var store = options.TokenStore ?? throw new ArgumentException(MissingTokenStore, nameof(options));
        return new TokenManager(
            store,
            options.TokenKey,
            new RunkeeperTokenRefresher(),
            new TokenManagerOptions { RefreshMargin = options.TokenRefreshMargin, Service = RunkeeperErrorMapping.ServiceName, SignInHint = SignInHint },
            options.TimeProvider,
            (options.LoggerFactory ?? loggerFactory)?.CreateLogger<TokenManager>());
    }
}
