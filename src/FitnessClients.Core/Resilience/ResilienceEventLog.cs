using System.Net.Http.Headers;
using FitnessClients.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace FitnessClients.Core.Resilience;

/// <summary>
/// Turns the pipeline's Polly events into the SDK's log lines (<see cref="ResilienceLog"/>), with scrubbed URIs and
/// outcomes. It listens to Polly's telemetry instead of the strategies' <c>OnRetry</c>/<c>OnTimeout</c>/<c>OnOpened</c>
/// callbacks, so those stay free for the user's own handlers.
/// </summary>
internal sealed class ResilienceEventLog(ILogger logger, string? totalTimeoutName, int maxRetries) : TelemetryListener
{
    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        var request = args.Context.GetRequestMessage();
        switch (args.Arguments)
        {
            case OnRetryArguments<HttpResponseMessage> retry:
                request ??= retry.Outcome.Result?.RequestMessage;
                ResilienceLog.RetryScheduled(logger, MethodOf(request), UriOf(request), Describe(retry.Outcome), retry.AttemptNumber + 1, maxRetries, DurationText.Format(retry.RetryDelay));
                break;
            case OnTimeoutArguments timeout when args.Source.StrategyName == totalTimeoutName:
                ResilienceLog.TotalTimeout(logger, MethodOf(request), UriOf(request), DurationText.Format(timeout.Timeout));
                break;
            case OnTimeoutArguments timeout:
                ResilienceLog.AttemptTimeout(logger, MethodOf(request), UriOf(request), DurationText.Format(timeout.Timeout));
                break;
            case OnCircuitOpenedArguments<HttpResponseMessage> opened:
                request ??= opened.Outcome.Result?.RequestMessage;
                ResilienceLog.CircuitOpened(logger, Describe(opened.Outcome), MethodOf(request), UriOf(request), DurationText.Format(opened.BreakDuration));
                break;
            case OnCircuitHalfOpenedArguments:
                ResilienceLog.CircuitHalfOpened(logger);
                break;
            case OnCircuitClosedArguments<HttpResponseMessage>:
                ResilienceLog.CircuitClosed(logger);
                break;
        }
    }

    private static string MethodOf(HttpRequestMessage? request) => request?.Method.Method ?? "?";

    private static Uri? UriOf(HttpRequestMessage? request) => SecretScrubber.ScrubUri(request?.RequestUri);

    /// <summary>A short, secret-free description of an attempt's outcome.</summary>
    private static string Describe(Outcome<HttpResponseMessage> outcome)
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
