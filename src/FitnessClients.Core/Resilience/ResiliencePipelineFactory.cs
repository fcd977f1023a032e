using FitnessClients.Core.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FitnessClients.Core.Resilience;

/// <summary>
/// Builds the resilience part of the handler chain from <see cref="ResilienceOptions"/>: the package's
/// <see cref="ResilienceHandler"/> running a Polly pipeline (total timeout → retry → circuit breaker → attempt
/// timeout, the order of <c>AddStandardResilienceHandler</c> without its concurrency limiter), timed by the client's
/// <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The pipeline adds to the configured strategy options only what the package lacks: the method and
/// <c>Retry-After</c> rules of <see cref="ResilienceOptions.RetryUnsafeMethods"/> and
/// <see cref="ResilienceOptions.MaxRetryAfter"/>, the per-request <see cref="FitnessRequestOptions.AttemptTimeout"/>,
/// <c>Retry-After</c> dates read on the client's clock, and log lines without secrets. The options objects
/// themselves are not changed.
/// </remarks>
/// <example>
/// A chain of your own, without the rest of the SDK's pipeline:
/// <code>
/// HttpMessageHandler inner = new SocketsHttpHandler();
/// foreach (var handler in ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions(), timeProvider, logger).Reverse())
/// {
///     handler.InnerHandler = inner;
///     inner = handler;
/// }
/// using var http = new HttpClient(inner) { Timeout = Timeout.InfiniteTimeSpan };
/// </code>
/// </example>
public static class ResiliencePipelineFactory
{
    // Only needed to pass Polly's validation when the timeout comes from the generator alone.
    private static readonly TimeSpan PlaceholderTimeout = TimeSpan.FromSeconds(30);

    // HttpRetryStrategyOptions.ShouldRetryAfterHeader installs this generator, which reads Retry-After dates on the
    // system clock; recognising it lets the pipeline read them on the client's clock instead.
    private static readonly Func<RetryDelayGeneratorArguments<HttpResponseMessage>, ValueTask<TimeSpan?>>? PackageRetryAfterGenerator =
        new HttpRetryStrategyOptions().DelayGenerator;

    /// <summary>
    /// Creates the handlers, outermost first and not yet linked: the package's <see cref="ResilienceHandler"/> and,
    /// below it, a handler that runs inside every attempt (it buffers a request body that may be sent again, and
    /// reads a JSON response to the end so that a body cut off part-way fails the attempt and is retried). None
    /// when <see cref="ResilienceOptions.Enabled"/> is <see langword="false"/>.
    /// </summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="timeProvider">The clock for timeouts, delays and the breaker; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where retries, timeouts and breaker changes are logged (URIs scrubbed).</param>
    /// <returns>The handlers to put between the rate limiter and the request logging.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(ResilienceOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return [];
        }

        var pipeline = Create(options, timeProvider, logger);
        return
        [
            new ResilienceHandler(pipeline),
            new AttemptBufferingHandler(options.Retry.MaxRetryAttempts > 0, options.RetryUnsafeMethods),
        ];
    }

    /// <summary>Builds the Polly pipeline for <paramref name="options"/>.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="timeProvider">The clock for timeouts, delays and the breaker; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where retries, timeouts and breaker changes are logged (URIs scrubbed).</param>
    /// <returns>The pipeline; <see cref="ResiliencePipeline{T}.Empty"/> when <see cref="ResilienceOptions.Enabled"/> is <see langword="false"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public static ResiliencePipeline<HttpResponseMessage> Create(ResilienceOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!options.Enabled)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var time = timeProvider ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            TimeProvider = time,
            TelemetryListener = new ResilienceEventLog(logger ?? NullLogger.Instance, options.TotalRequestTimeout.Name, options.Retry.MaxRetryAttempts),
        };
        if (options.TotalRequestTimeout.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.TotalRequestTimeout);
        }

        if (options.Retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(WithFitnessRules(options, time));
        }

        if (options.CircuitBreakerEnabled)
        {
            builder.AddCircuitBreaker(options.CircuitBreaker);
        }

        builder.AddTimeout(WithPerRequestTimeout(options.AttemptTimeout));
        return builder.Build();
    }

    /// <summary>A copy of <see cref="ResilienceOptions.Retry"/> with the method and <c>Retry-After</c> rules in front of its <c>ShouldHandle</c>.</summary>
    private static HttpRetryStrategyOptions WithFitnessRules(ResilienceOptions options, TimeProvider time)
    {
        var retry = options.Retry;
        var readsRetryAfter = retry.ShouldRetryAfterHeader && retry.DelayGenerator is { } generator
            && PackageRetryAfterGenerator is { } packageGenerator && generator.Method == packageGenerator.Method;
        return new HttpRetryStrategyOptions
        {
            Name = retry.Name,
            MaxRetryAttempts = retry.MaxRetryAttempts,
            BackoffType = retry.BackoffType,
            UseJitter = retry.UseJitter,
            Delay = retry.Delay,
            MaxDelay = retry.MaxDelay,
            Randomizer = retry.Randomizer,
            OnRetry = retry.OnRetry,
            ShouldHandle = RetryGate.Wrap(retry.ShouldHandle, options.RetryUnsafeMethods, options.MaxRetryAfter, time),

            // Null falls back to the jittered exponential backoff; a Retry-After is not capped by MaxDelay.
            DelayGenerator = readsRetryAfter
                ? args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter.GetDelay(response, time.GetUtcNow()) : null)
                : retry.DelayGenerator,
        };
    }

    /// <summary>
    /// A copy of <see cref="ResilienceOptions.AttemptTimeout"/> whose generator lets a request's
    /// <see cref="FitnessRequestOptions.AttemptTimeout"/> win, and turns <see cref="Timeout.InfiniteTimeSpan"/>
    /// into no timeout (Polly's validation would refuse it as the <c>Timeout</c> itself).
    /// </summary>
    private static HttpTimeoutStrategyOptions WithPerRequestTimeout(HttpTimeoutStrategyOptions attempt)
    {
        var timeout = attempt.Timeout;
        var generator = attempt.TimeoutGenerator;
        return new HttpTimeoutStrategyOptions
        {
            Name = attempt.Name,
            Timeout = timeout == Timeout.InfiniteTimeSpan ? PlaceholderTimeout : timeout,
            OnTimeout = attempt.OnTimeout,
            TimeoutGenerator = args =>
            {
                if (args.Context.GetRequestMessage() is { } request
                    && request.Options.TryGetValue(FitnessRequestOptions.AttemptTimeout, out var perRequest)
                    && (perRequest > TimeSpan.Zero || perRequest == Timeout.InfiniteTimeSpan))
                {
                    return new ValueTask<TimeSpan>(perRequest);
                }

                return generator?.Invoke(args) ?? new ValueTask<TimeSpan>(timeout);
            },
        };
    }
}
