using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.GarminConnect.Http;

/// <summary>
/// The stateful parts of a registered Garmin client, kept as one singleton: <c>IHttpClientFactory</c> rebuilds handler
/// chains every few minutes, and a chain with a fresh token manager or rate budget would race on the rotating refresh
/// token and forget the budget. A type of its own, so it never clashes with another service's registrations.
/// </summary>
internal sealed class GarminClientServices : IDisposable
{
    private readonly ClientConnections _connections;

    public GarminClientServices(GarminConnectClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _connections = new ClientConnections(options);
        TokenManager = GarminPipeline.CreateTokenManager(options, _connections.TokenHttpClient, options.LoggerFactory ?? loggerFactory);
        RateLimitPolicy = options.RateLimitPolicy ?? GarminPipeline.CreateDefaultRateLimitPolicy(options.TimeProvider);
        PipelineSettings = GarminPipeline.CreateSettings(options, TokenManager, RateLimitPolicy) with
        {
            LoggerFactory = options.LoggerFactory ?? loggerFactory,
        };
    }

    public GarminConnectClientOptions Options { get; }

    public TokenManager TokenManager { get; }

    public RateLimitPolicy RateLimitPolicy { get; }

    public FitnessPipelineSettings PipelineSettings { get; }

    public void Dispose()
    {
        _connections.Dispose();
    }
}
