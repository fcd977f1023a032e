using FitnessClients.Core.Http;
using Microsoft.Extensions.Http.Resilience;

namespace FitnessClients.Core.Resilience;

/// <summary>
/// How a client survives a flaky network and a busy service, configured with the option types of
/// <c>Microsoft.Extensions.Http.Resilience</c> (the ones <c>AddStandardResilienceHandler</c> uses): a total timeout,
/// retries with backoff that honour <c>Retry-After</c>, a circuit breaker and a per-attempt timeout. The defaults
/// suit the public fitness APIs; two values can be changed per request through <see cref="FitnessRequestOptions"/>.
/// </summary>
/// <remarks>
/// <para>
/// The strategies run in the order of <see cref="HttpStandardResilienceOptions"/>, outermost first:
/// <see cref="TotalRequestTimeout"/> → <see cref="Retry"/> → <see cref="CircuitBreaker"/> → <see cref="AttemptTimeout"/>.
/// There is no concurrency limiter: the client's rate limiter stands outside this pipeline, so that waiting for a
/// rate-limit window never counts against a timeout. The timeouts cover the time until the response headers
/// arrive (and, for JSON, the body); a large download is bounded by the caller's cancellation token.
/// </para>
/// <para>
/// On top of <see cref="Retry"/>'s own <c>ShouldHandle</c>, the pipeline retries only requests that are safe to
/// repeat (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) unless the request opts in with
/// <see cref="FitnessRequestOptions.AllowRetry"/> or <see cref="RetryUnsafeMethods"/> is set, and it never waits
/// in-line for a <c>Retry-After</c> longer than <see cref="MaxRetryAfter"/>.
/// </para>
/// <para>
/// The pipeline is built from these options when the client's handlers are created; later changes do not affect
/// it. Everything is timed by the client's <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var options = new StravaClientOptions();
/// options.Resilience.Retry.MaxRetryAttempts = 5;
/// options.Resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
/// options.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromMinutes(1);
/// options.Resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(10);
/// </code>
/// </example>
public sealed class ResilienceOptions
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary>
    /// Whether the pipeline is used at all. <see langword="false"/> sends each request once with no timeout,
    /// retry or breaker (useful when the caller has its own). Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a whole call may take, all attempts and delays included. Default 3 minutes;
    /// <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public HttpTimeoutStrategyOptions TotalRequestTimeout { get; set; } = new()
    {
        Name = "TotalRequestTimeout",
        Timeout = TimeSpan.FromMinutes(3),
    };

    /// <summary>
    /// The retries: by default at most 3 (so 4 attempts), exponential backoff from a 1 s median with jitter, at most
    /// 30 s, or the service's <c>Retry-After</c> when it sends one (<see cref="HttpRetryStrategyOptions.ShouldRetryAfterHeader"/>).
    /// <see cref="Polly.Retry.RetryStrategyOptions{TResult}.MaxRetryAttempts"/> = 0 turns retries off.
    /// </summary>
    /// <remarks>
    /// The default <c>ShouldHandle</c> treats as transient what <see cref="HttpClientResiliencePredicates.IsTransient(Polly.Outcome{HttpResponseMessage})"/>
    /// does (network errors, attempt timeouts, 408, 429, 5xx) plus an <see cref="IOException"/> (a connection reset
    /// while a JSON body was read). Replacing it changes which outcomes are transient; the method and
    /// <c>Retry-After</c> rules of this class still apply.
    /// </remarks>
    public HttpRetryStrategyOptions Retry { get; set; } = new()
    {
        Name = "Retry",
        MaxRetryAttempts = 3,
        Delay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        ShouldHandle = TransientFailures.ShouldRetry,
    };

    /// <summary>
    /// The circuit breaker: it opens when at least half of at least 10 attempts in 30 s failed (network errors,
    /// timeouts, 408, 5xx; not 429, which means the service is healthy and the rate limiter deals with it), and then
    /// fails every request at once for 15 s before letting a trial request through. Its state lives in the handler,
    /// so handlers recycled by <c>IHttpClientFactory</c> start closed. Turn it off with <see cref="CircuitBreakerEnabled"/>.
    /// </summary>
    public HttpCircuitBreakerStrategyOptions CircuitBreaker { get; set; } = new()
    {
        Name = "CircuitBreaker",
        FailureRatio = 0.5,
        MinimumThroughput = 10,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(15),
        ShouldHandle = TransientFailures.ShouldBreak,
    };

    /// <summary>
    /// The longest one attempt may take. Default 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// Override it per request with <see cref="FitnessRequestOptions.AttemptTimeout"/> (exports the service builds
    /// on the fly can take longer); a <see cref="Polly.Timeout.TimeoutStrategyOptions.TimeoutGenerator"/> of your
    /// own decides for the requests that do not.
    /// </summary>
    public HttpTimeoutStrategyOptions AttemptTimeout { get; set; } = new()
    {
        Name = "AttemptTimeout",
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Whether <see cref="CircuitBreaker"/> is used. Default <see langword="true"/>.</summary>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the retry waits for in-line. When the service asks for a longer wait, the
    /// response is returned without retrying so that the caller (or the rate limiter) decides; it surfaces as a
    /// <see cref="RateLimitExceededException"/> or <see cref="ServiceUnavailableException"/> carrying the wait. A 429
    /// without <c>Retry-After</c> is never retried in-line: the wait is unknown and repeating would only spend more
    /// of the quota. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Retry POST and PATCH requests too. Default <see langword="false"/>: retrying an upload that reached the server
    /// could create a duplicate activity. A single request can opt in with <see cref="FitnessRequestOptions.AllowRetry"/>.
    /// </summary>
    public bool RetryUnsafeMethods { get; set; }

    /// <summary>
    /// Throws when a value is outside its documented range, naming the setting. Called when the pipeline is built;
    /// Polly validates the remaining fields of the strategy options after this.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    /// <exception cref="ArgumentException">A strategy's options or its <c>ShouldHandle</c> is <see langword="null"/>.</exception>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        ThrowIfNull(TotalRequestTimeout, nameof(TotalRequestTimeout));
        ThrowIfNull(Retry, nameof(Retry));
        ThrowIfNull(AttemptTimeout, nameof(AttemptTimeout));
        ThrowIfInvalidTimeout(TotalRequestTimeout.Timeout, "TotalRequestTimeout.Timeout");
        ThrowIfInvalidTimeout(AttemptTimeout.Timeout, "AttemptTimeout.Timeout");

        if (Retry.MaxRetryAttempts < 0)
        {
            throw new ArgumentOutOfRangeException("Retry.MaxRetryAttempts", Retry.MaxRetryAttempts, "Retry.MaxRetryAttempts must be 0 (no retries) or more.");
        }

        ThrowIfOutside(Retry.Delay, TimeSpan.Zero, OneDay, "Retry.Delay");
        if (Retry.MaxDelay is { } maxDelay)
        {
            ThrowIfOutside(maxDelay, TimeSpan.Zero, OneDay, "Retry.MaxDelay");
        }

        if (Retry.ShouldHandle is null)
        {
            throw new ArgumentException("Retry.ShouldHandle must not be null.", nameof(Retry));
        }

        ThrowIfOutside(MaxRetryAfter, TimeSpan.Zero, OneDay, nameof(MaxRetryAfter));
        if (CircuitBreakerEnabled)
        {
            ValidateCircuitBreaker();
        }
    }

    private void ValidateCircuitBreaker()
    {
        ThrowIfNull(CircuitBreaker, nameof(CircuitBreaker));
        if (double.IsNaN(CircuitBreaker.FailureRatio) || CircuitBreaker.FailureRatio <= 0 || CircuitBreaker.FailureRatio > 1)
        {
            throw new ArgumentOutOfRangeException("CircuitBreaker.FailureRatio", CircuitBreaker.FailureRatio, "CircuitBreaker.FailureRatio must be above 0 and at most 1.");
        }

        if (CircuitBreaker.MinimumThroughput < 2)
        {
            throw new ArgumentOutOfRangeException("CircuitBreaker.MinimumThroughput", CircuitBreaker.MinimumThroughput, "CircuitBreaker.MinimumThroughput must be at least 2.");
        }

        ThrowIfOutside(CircuitBreaker.SamplingDuration, MinBreakerWindow, OneDay, "CircuitBreaker.SamplingDuration");
        ThrowIfOutside(CircuitBreaker.BreakDuration, MinBreakerWindow, OneDay, "CircuitBreaker.BreakDuration");
        if (CircuitBreaker.ShouldHandle is null)
        {
            throw new ArgumentException("CircuitBreaker.ShouldHandle must not be null.", nameof(CircuitBreaker));
        }
    }

    private static void ThrowIfNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentException($"{name} must not be null; turn the pipeline off with Enabled = false instead.", name);
        }
    }

    private static void ThrowIfInvalidTimeout(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan)
        {
            ThrowIfOutside(value, MinTimeout, OneDay, name);
        }
    }

    private static void ThrowIfOutside(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }
}
