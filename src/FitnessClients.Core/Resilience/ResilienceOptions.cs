using FitnessClients.Core.Http;

namespace FitnessClients.Core.Resilience;

/// <summary>
/// How a client survives a flaky network and a busy service: timeouts, retries with backoff and a circuit
/// breaker. The defaults suit the public fitness APIs; every value can be changed, and two values can be
/// changed per request through <see cref="FitnessRequestOptions"/>.
/// </summary>
/// <remarks>
/// <para>
/// The strategies run in this order, outermost first: <see cref="TotalTimeout"/> (the whole call, retries and
/// their delays included) → retry → circuit breaker → <see cref="AttemptTimeout"/> (each single attempt).
/// The timeouts cover the time until the response headers arrive; reading a large body afterwards is bounded
/// by <see cref="HttpClient.Timeout"/> and the caller's cancellation token.
/// </para>
/// <para>
/// Only idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are retried, on network errors, attempt
/// timeouts, 408, 5xx, and 429 when the service says how long to wait (<c>Retry-After</c> at most
/// <see cref="MaxRetryAfter"/>). A POST is retried only when it opts in with
/// <see cref="FitnessRequestOptions.AllowRetry"/> or when <see cref="RetryUnsafeMethods"/> is set: retrying an
/// upload that reached the server could create a duplicate activity.
/// </para>
/// <para>The handler reads the options once, when it is created; later changes do not affect it.</para>
/// </remarks>
/// <example>
/// <code>
/// var options = new ResilienceOptions { MaxRetryAttempts = 5, AttemptTimeout = TimeSpan.FromSeconds(60) };
/// options.CircuitBreaker.BreakDuration = TimeSpan.FromMinutes(1);
/// </code>
/// </example>
public sealed class ResilienceOptions
{
    /// <summary>
    /// Whether the pipeline is used at all. <see langword="false"/> sends each request once with no timeout,
    /// retry or breaker (useful when the caller has its own). Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a whole call may take, all attempts and delays included; <see cref="Timeout.InfiniteTimeSpan"/>
    /// for none. Default 3 minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The longest one attempt may wait for the response headers; <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// Default 30 seconds. Override per request with <see cref="FitnessRequestOptions.AttemptTimeout"/> (exports
    /// that the service builds on the fly can take longer).
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed attempt is repeated (0 turns retries off). Default 3, so at most 4 attempts.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The median delay before the first retry; later delays grow exponentially, with jitter so that many clients
    /// do not retry in step. Default 1 second.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed backoff delay. Default 30 seconds. A <c>Retry-After</c> from the service is not capped by it.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the retry waits for in-line. When the service asks for a longer wait, the
    /// response is returned without retrying so that the caller (or the rate limiter) decides; it surfaces as a
    /// <see cref="RateLimitExceededException"/> or <see cref="ServiceUnavailableException"/> carrying the wait.
    /// Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Retry POST and PATCH requests too. Default <see langword="false"/>: only requests that are safe to repeat
    /// are retried; a single request can opt in with <see cref="FitnessRequestOptions.AllowRetry"/>.
    /// </summary>
    public bool RetryUnsafeMethods { get; set; }

    /// <summary>The circuit breaker settings.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is outside its documented range.</summary>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        ThrowIfInvalidTimeout(TotalTimeout, nameof(TotalTimeout));
        ThrowIfInvalidTimeout(AttemptTimeout, nameof(AttemptTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts, nameof(MaxRetryAttempts));
        ThrowIfOutside(BaseDelay, TimeSpan.Zero, TimeSpan.FromDays(1), nameof(BaseDelay));
        ThrowIfOutside(MaxDelay, TimeSpan.Zero, TimeSpan.FromDays(1), nameof(MaxDelay));
        ThrowIfOutside(MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromDays(1), nameof(MaxRetryAfter));
        if (CircuitBreaker is null)
        {
            throw new ArgumentException("CircuitBreaker must not be null; set CircuitBreaker.Enabled = false to turn the breaker off.", nameof(CircuitBreaker));
        }

        CircuitBreaker.Validate();
    }

    internal static void ThrowIfInvalidTimeout(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan)
        {
            ThrowIfOutside(value, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1), name);
        }
    }

    internal static void ThrowIfOutside(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }
}
