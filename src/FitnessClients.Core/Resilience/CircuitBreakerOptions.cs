namespace FitnessClients.Core.Resilience;

/// <summary>
/// When to stop calling a service that keeps failing. The breaker watches the attempts of the last
/// <see cref="SamplingDuration"/>; when at least <see cref="MinimumThroughput"/> attempts were made and
/// <see cref="FailureRatio"/> of them failed (5xx, 408, timeouts, network errors), it opens and every request
/// fails at once with <see cref="ServiceUnavailableException"/> for <see cref="BreakDuration"/>. Then one
/// trial request is let through: success closes the breaker, failure opens it again.
/// </summary>
/// <remarks>
/// A breaker protects both sides during an outage: a backup of thousands of activities stops hammering a
/// service that is down instead of spending every request's retries on it. 429 answers do not count as failures:
/// the service is healthy and the rate limiter deals with them.
/// </remarks>
public sealed class CircuitBreakerOptions
{
    /// <summary>Whether the breaker is used at all. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of failed attempts (above 0, at most 1) that opens the breaker. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts must have been made in the sampling window before the ratio counts (at least 2). Default 10.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window in which attempts are counted (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open before a trial request (at least 0.5 s). Default 15 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is outside its documented range.</summary>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        if (double.IsNaN(FailureRatio) || FailureRatio <= 0 || FailureRatio > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FailureRatio), FailureRatio, "The failure ratio must be above 0 and at most 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumThroughput, 2, nameof(MinimumThroughput));
        ResilienceOptions.ThrowIfOutside(SamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1), nameof(SamplingDuration));
        ResilienceOptions.ThrowIfOutside(BreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1), nameof(BreakDuration));
    }
}
