using System.Net;
using FitnessClients.Core.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace FitnessClients.Core.Resilience;

/// <summary>
/// The two retry rules the package lacks, put in front of <see cref="ResilienceOptions.Retry"/>'s own
/// <c>ShouldHandle</c>. <see cref="HttpRetryStrategyOptionsExtensions.DisableFor"/> cannot let a single POST opt in
/// (<see cref="FitnessRequestOptions.AllowRetry"/>), and <see cref="HttpRetryStrategyOptions.ShouldRetryAfterHeader"/>
/// waits for any <c>Retry-After</c>, however long, and retries a 429 at once when there is none.
/// </summary>
internal static class RetryGate
{
    /// <summary>Wraps <paramref name="shouldHandle"/> with the method and <c>Retry-After</c> rules.</summary>
    public static Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> Wrap(
        Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> shouldHandle,
        bool retryUnsafeMethods,
        TimeSpan maxRetryAfter,
        TimeProvider time) =>
        args =>
        {
            var request = args.Context.GetRequestMessage() ?? args.Outcome.Result?.RequestMessage;
            if (request is null || !MayRetry(request, retryUnsafeMethods))
            {
                return new ValueTask<bool>(false);
            }

            if (args.Outcome.Result is { } response && !AcceptsWait(response, maxRetryAfter, time.GetUtcNow()))
            {
                return new ValueTask<bool>(false);
            }

            return shouldHandle(args);
        };

    /// <summary>Whether the request's method is safe to repeat, or the request or the options opt in.</summary>
    public static bool MayRetry(HttpRequestMessage request, bool retryUnsafeMethods) =>
        retryUnsafeMethods
        || IsIdempotent(request.Method)
        || (request.Options.TryGetValue(FitnessRequestOptions.AllowRetry, out var allow) && allow);

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>Whether the wait the service asked for, if any, is short enough to wait in-line.</summary>
    private static bool AcceptsWait(HttpResponseMessage response, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        var retryAfter = RetryAfter.GetDelay(response, now);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Without Retry-After the wait is unknown (Strava only sends its usage headers): the rate limiter and
            // the caller decide.
            return retryAfter is { } wait && wait <= maxRetryAfter;
        }

        return retryAfter is null || retryAfter.Value <= maxRetryAfter;
    }
}
