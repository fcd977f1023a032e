using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace FitnessClients.Core.Resilience;

/// <summary>
/// The default <c>ShouldHandle</c> of <see cref="ResilienceOptions.Retry"/> and <see cref="ResilienceOptions.CircuitBreaker"/>:
/// the package's <see cref="HttpClientResiliencePredicates.IsTransient(Outcome{HttpResponseMessage})"/> with two
/// differences it cannot express.
/// </summary>
internal static class TransientFailures
{
    /// <summary>
    /// Network errors, attempt timeouts, 408, 429 and 5xx, and an <see cref="IOException"/>: a JSON body is read
    /// inside the attempt, and a connection reset part-way can surface as a bare <see cref="IOException"/>, which
    /// the package does not count.
    /// </summary>
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        new(IsTransient(args.Outcome));

    /// <summary>The same failures except 429: a service that rate-limits is healthy, the rate limiter deals with it.</summary>
    public static ValueTask<bool> ShouldBreak(CircuitBreakerPredicateArguments<HttpResponseMessage> args) =>
        new(IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome) || outcome.Exception is IOException;
}
