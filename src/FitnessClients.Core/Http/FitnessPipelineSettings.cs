using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Resilience;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Http;

/// <summary>
/// Everything <see cref="FitnessPipeline"/> needs to assemble one service's handler chain. Service packages fill
/// it from their options; the stateful parts (<see cref="TokenManager"/>, <see cref="RateLimitPolicy"/>) are
/// shared instances, so a chain rebuilt by <c>IHttpClientFactory</c> keeps the same budget and tokens.
/// </summary>
public sealed record FitnessPipelineSettings
{
    /// <summary>The service's short name used in errors and logs, e.g. <c>strava</c>.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Supplies access tokens and refreshes them; <see langword="null"/> for services called without one.</summary>
    public TokenManager? TokenManager { get; init; }

    /// <summary>The rate-limit policy shared by every client of the same application; <see langword="null"/> for none.</summary>
    public RateLimitPolicy? RateLimitPolicy { get; init; }

    /// <summary>
    /// Timeouts, retries and the circuit breaker, with <c>Microsoft.Extensions.Http.Resilience</c>'s option types:
    /// <c>Resilience.Retry.MaxRetryAttempts</c>, <c>Resilience.AttemptTimeout.Timeout</c>, <c>Resilience.CircuitBreaker.BreakDuration</c>, ….
    /// </summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>How non-success responses become exceptions; defaults to the generic mapping for <see cref="ServiceName"/>.</summary>
    public ErrorMappingOptions? ErrorMapping { get; init; }

    /// <summary>Headers added to every request that does not set them itself (User-Agent and the like).</summary>
    public IReadOnlyDictionary<string, string> DefaultHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The clock for every delay, timeout and expiry check.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the pipeline logs; <see langword="null"/> logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
