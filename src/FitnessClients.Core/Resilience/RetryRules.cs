using System.Net;
using FitnessClients.Core.Http;
using Polly;
using Polly.Timeout;

namespace FitnessClients.Core.Resilience;

/// <summary>The decisions the retry and the circuit breaker share: which requests may be repeated and which outcomes are transient.</summary>
internal static class RetryRules
{
    /// <summary>Whether the request's method is safe to repeat, or the request or the options opt in.</summary>
    public static bool MayRetry(HttpRequestMessage request, bool retryUnsafeMethods)
    {
        if (retryUnsafeMethods || IsIdempotent(request.Method))
        {
            return true;
        }

        return request.Options.TryGetValue(FitnessRequestOptions.AllowRetry, out var allow) && allow;
    }

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>
    /// Network failures and attempt timeouts. Cancellation is never transient here: when the caller or the total
    /// timeout cancels, the attempt ends with <see cref="OperationCanceledException"/>, not a timeout.
    /// </summary>
    public static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException;

    /// <summary>408 and every 5xx: the request may succeed when repeated.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status == HttpStatusCode.RequestTimeout || ((int)status >= 500 && (int)status <= 599);

    /// <summary>Whether a response is worth another attempt now, given the wait the service asked for.</summary>
    public static bool ShouldRetryResponse(HttpResponseMessage response, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        var retryAfter = RetryAfter.GetDelay(response, now);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Without Retry-After the wait is unknown (Strava only sends its usage headers); repeating at once
            // would only spend more of the quota, so the rate limiter and the caller decide.
            return retryAfter is { } wait && wait <= maxRetryAfter;
        }

        return IsTransientStatus(response.StatusCode) && (retryAfter is null || retryAfter.Value <= maxRetryAfter);
    }

    /// <summary>What the circuit breaker counts as a failure of the service: network errors, timeouts, 408 and 5xx.</summary>
    public static bool IsServiceFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? IsTransientException(exception)
            : outcome.Result is { } response && IsTransientStatus(response.StatusCode);
}
