using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Runkeeper.Http;

/// <summary>The per-container singletons of <c>AddRunkeeperClient</c>: one token manager, one rate policy, one settings object.</summary>
internal sealed class RunkeeperClientServices
{
    public RunkeeperClientServices(RunkeeperClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        TokenManager = RunkeeperPipeline.CreateTokenManager(options, loggerFactory);
        RateLimitPolicy = RunkeeperPipeline.GetRateLimitPolicy(options);
        PipelineSettings = RunkeeperPipeline.CreateSettings(options, TokenManager, RateLimitPolicy, loggerFactory);
    }

    public RunkeeperClientOptions Options { get; }

    public TokenManager TokenManager { get; }

    public RateLimitPolicy RateLimitPolicy { get; }

    public FitnessPipelineSettings PipelineSettings { get; }
}
