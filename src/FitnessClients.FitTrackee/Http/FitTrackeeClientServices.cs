using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.FitTrackee.Http;

/// <summary>The per-container singletons of <c>AddFitTrackeeClient</c>: one token manager, one rate policy, one settings object.</summary>
internal sealed class FitTrackeeClientServices : IDisposable
{
    private readonly ClientConnections _connections;

    public FitTrackeeClientServices(FitTrackeeClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _connections = new ClientConnections(options);
        TokenManager = FitTrackeePipeline.CreateTokenManager(options, _connections.TokenHttpClient, loggerFactory);
        RateLimitPolicy = FitTrackeePipeline.GetRateLimitPolicy(options);
        PipelineSettings = FitTrackeePipeline.CreateSettings(options, TokenManager, RateLimitPolicy, Limits, loggerFactory);
    }

    public FitTrackeeClientOptions Options { get; }

    public FitTrackeeLimits Limits { get; } = new();

    public TokenManager TokenManager { get; }

    public RateLimitPolicy RateLimitPolicy { get; }

    public FitnessPipelineSettings PipelineSettings { get; }

    public void Dispose() => _connections.Dispose();
}
