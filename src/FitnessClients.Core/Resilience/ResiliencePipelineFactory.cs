using System.Net.Http.Headers;
using FitnessClients.Core.Diagnostics;
using FitnessClients.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FitnessClients.Core.Resilience;

/// <summary>
/// Builds the Polly pipeline behind <see cref="ResilienceHandler"/>: total timeout → retry → circuit breaker →
/// attempt timeout, all timed by the client's <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Use it directly only to wrap something other than an <see cref="HttpMessageHandler"/>. The pipeline finds the
/// request (method, per-request options) in the <see cref="ResilienceContext"/> under <see cref="RequestProperty"/>;
/// without it, failed responses are judged by their <see cref="HttpResponseMessage.RequestMessage"/> and failed
/// attempts without a response are not retried.
/// </remarks>
public static class ResiliencePipelineFactory
{
    /// <summary>The context property that carries the request being sent.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestProperty = new("FitnessClients.Request");

    /// <summary>Builds the pipeline for <paramref name="options"/>.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="timeProvider">The clock for timeouts, delays and the breaker; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where retries, timeouts and breaker changes are logged (URIs scrubbed).</param>
    /// <returns>The pipeline; an empty one when <see cref="ResilienceOptions.Enabled"/> is <see langword="false"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public static ResiliencePipeline<HttpResponseMessage> Create(ResilienceOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        var log = logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (!options.Enabled)
        {
            return builder.Build();
        }

        if (options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "TotalTimeout",
                Timeout = options.TotalTimeout,
                OnTimeout = args =>
                {
                    var request = GetRequest(args.Context, null);
                    ResilienceLog.TotalTimeout(log, MethodOf(request), UriOf(request), DurationText.Format(args.Timeout));
                    return default;
                },
            });
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(CreateRetry(options, time, log));
        }

        if (options.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(CreateCircuitBreaker(options.CircuitBreaker, log));
        }

        var attemptTimeout = options.AttemptTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "AttemptTimeout",

            // The generator decides; this value only has to be valid for Polly's option validation.
            Timeout = attemptTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(30) : attemptTimeout,
            TimeoutGenerator = args => new ValueTask<TimeSpan>(GetAttemptTimeout(args.Context, attemptTimeout)),
            OnTimeout = args =>
            {
                var request = GetRequest(args.Context, null);
                ResilienceLog.AttemptTimeout(log, MethodOf(request), UriOf(request), DurationText.Format(args.Timeout));
                return default;
            },
        });

        return builder.Build();
    }

    private static RetryStrategyOptions<HttpResponseMessage> CreateRetry(ResilienceOptions options, TimeProvider time, ILogger log)
    {
        var maxRetries = options.MaxRetryAttempts;
        var maxRetryAfter = options.MaxRetryAfter;
        var retryUnsafe = options.RetryUnsafeMethods;
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "Retry",
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args =>
            {
                var request = GetRequest(args.Context, args.Outcome.Result);
                if (request is null || !RetryRules.MayRetry(request, retryUnsafe))
                {
                    return new ValueTask<bool>(false);
                }

                var retry = args.Outcome.Exception is { } exception
                    ? RetryRules.IsTransientException(exception)
                    : args.Outcome.Result is { } response && RetryRules.ShouldRetryResponse(response, maxRetryAfter, time.GetUtcNow());
                return new ValueTask<bool>(retry);
            },

            // The service's Retry-After wins over the computed backoff; ShouldHandle already refused waits
            // longer than MaxRetryAfter. Null falls back to the jittered exponential delay.
            DelayGenerator = args => new ValueTask<TimeSpan?>(
                args.Outcome.Result is { } response ? RetryAfter.GetDelay(response, time.GetUtcNow()) : null),
            OnRetry = args =>
            {
                var request = GetRequest(args.Context, args.Outcome.Result);
                ResilienceLog.RetryScheduled(
                    log,
                    MethodOf(request),
                    UriOf(request),
                    Describe(args.Outcome),
                    args.AttemptNumber + 1,
                    maxRetries,
                    DurationText.Format(args.RetryDelay));
                return default;
            },
        };
    }

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> CreateCircuitBreaker(CircuitBreakerOptions options, ILogger log) => new()
    {
        Name = "CircuitBreaker",
        FailureRatio = options.FailureRatio,
        MinimumThroughput = options.MinimumThroughput,
        SamplingDuration = options.SamplingDuration,
        BreakDuration = options.BreakDuration,
        ShouldHandle = args => new ValueTask<bool>(RetryRules.IsServiceFailure(args.Outcome)),
        OnOpened = args =>
        {
            var request = GetRequest(args.Context, args.Outcome.Result);
            ResilienceLog.CircuitOpened(log, Describe(args.Outcome), MethodOf(request), UriOf(request), DurationText.Format(args.BreakDuration));
            return default;
        },
        OnHalfOpened = _ =>
        {
            ResilienceLog.CircuitHalfOpened(log);
            return default;
        },
        OnClosed = _ =>
        {
            ResilienceLog.CircuitClosed(log);
            return default;
        },
    };

    private static TimeSpan GetAttemptTimeout(ResilienceContext context, TimeSpan fallback)
    {
        if (context.Properties.TryGetValue(RequestProperty, out var request)
            && request.Options.TryGetValue(FitnessRequestOptions.AttemptTimeout, out var timeout)
            && (timeout > TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan))
        {
            return timeout;
        }

        return fallback;
    }

    private static HttpRequestMessage? GetRequest(ResilienceContext context, HttpResponseMessage? response) =>
        context.Properties.TryGetValue(RequestProperty, out var request) ? request : response?.RequestMessage;

    private static string MethodOf(HttpRequestMessage? request) => request?.Method.Method ?? "?";

    private static Uri? UriOf(HttpRequestMessage? request) => SecretScrubber.ScrubUri(request?.RequestUri);

    /// <summary>A short, secret-free description of an attempt's outcome for the log.</summary>
    internal static string Describe(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                TimeoutRejectedException timeout => $"no response within {DurationText.Format(timeout.Timeout)}",
                HttpRequestException http => $"network error {http.HttpRequestError}: {SecretScrubber.Scrub(http.Message)}",
                _ => $"{exception.GetType().Name}: {SecretScrubber.Scrub(exception.Message)}",
            };
        }

        if (outcome.Result is { } response)
        {
            var text = $"{(int)response.StatusCode} {SecretScrubber.Scrub(response.ReasonPhrase)}";
            return response.Headers.RetryAfter is RetryConditionHeaderValue retryAfter ? $"{text}, Retry-After {retryAfter}" : text;
        }

        return "no outcome";
    }
}
