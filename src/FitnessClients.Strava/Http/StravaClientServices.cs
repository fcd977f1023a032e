using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Strava.Http;

/// <summary>The per-container singletons of <c>AddStravaClient</c>: one token manager, one rate policy, one settings object.</summary>
internal sealed class StravaClientServices : IDisposable
{
    private readonly ClientConnections _connections;

    public StravaClientServices(StravaClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _connections = new ClientConnections(options);
        TokenManager = StravaPipeline.CreateTokenManager(options, _connections.TokenHttpClient, loggerFactory);
        RateLimitPolicy = StravaPipeline.GetRateLimitPolicy(options);
        PipelineSettings = StravaPipeline.CreateSettings(options, TokenManager, RateLimitPolicy, loggerFactory);
    }

    public StravaClientOptions Options { get; }

    public TokenManager TokenManager { get; }

    public RateLimitPolicy RateLimitPolicy { get; }

    public FitnessPipelineSettings PipelineSettings { get; }

    public void Dispose()
    {
        _connections.Dispose();
    }
}
