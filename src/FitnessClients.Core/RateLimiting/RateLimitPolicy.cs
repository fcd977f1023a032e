namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// Decides when a request may be sent, and learns from each response. The pipeline's rate-limit handler asks
/// <see cref="AcquireAsync"/> before every request and calls <see cref="OnResponse"/> after it.
/// </summary>
/// <remarks>
/// One policy instance holds the budget of one service application (Strava limits are per app, not per
/// athlete), so share the instance between every client that uses the same credentials. Implementations are
/// thread-safe and use <see cref="TimeProvider"/> for every clock read and delay.
/// Shipped: <c>FixedWindowRateLimitPolicy</c> (windows aligned to the clock, e.g. quarter hours and UTC
/// midnight) and <c>TokenBucketRateLimitPolicy</c> (for services with undocumented limits).
/// </remarks>
public abstract class RateLimitPolicy
{
    /// <summary>Whether an exhausted window makes <see cref="AcquireAsync"/> wait or throw.</summary>
    public RateLimitExhaustionBehavior ExhaustionBehavior { get; init; } = RateLimitExhaustionBehavior.Wait;

    /// <summary>
    /// Returns when <paramref name="request"/> may be sent, counting it against every window it belongs to.
    /// </summary>
    /// <param name="request">The request about to be sent (some policies count uploads and reads apart).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="RateLimitExceededException">A window is exhausted and <see cref="ExhaustionBehavior"/> is <see cref="RateLimitExhaustionBehavior.Throw"/>.</exception>
    public abstract ValueTask AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Learns from a response: corrects the counts from usage headers the service reports, and on a 429 puts the
    /// policy into a cooldown (until <c>Retry-After</c> when given, otherwise until the exhausted window reopens).
    /// </summary>
    /// <param name="request">The request that was sent.</param>
    /// <param name="response">The response it got.</param>
    public abstract void OnResponse(HttpRequestMessage request, HttpResponseMessage response);

    /// <summary>A snapshot of the remaining budget, for status displays and pacing.</summary>
    public abstract RateLimitStatus GetStatus();

    /// <summary>
    /// Raised after the budget changed (a permit was granted, the service reported its usage, a cooldown began),
    /// with a fresh snapshot, so tools can show the remaining budget without polling.
    /// </summary>
    /// <remarks>
    /// Raised on the thread that caused the change, outside the policy's lock; keep handlers short. An exception a
    /// handler throws is swallowed, because a status display must never break the request it observes. A window
    /// rolling over at its boundary raises nothing by itself; the next request or <see cref="GetStatus"/> shows it.
    /// </remarks>
    public event EventHandler<RateLimitStatus>? StatusChanged;

    /// <summary>Raises <see cref="StatusChanged"/> with a fresh <see cref="GetStatus"/> snapshot when anyone listens.</summary>
    protected void OnStatusChanged()
    {
        var handlers = StatusChanged;
        if (handlers is null)
        {
            return;
        }

        try
        {
            handlers(this, GetStatus());
        }
        catch (Exception)
        {
            // A faulty observer must not fail the request or make OnResponse throw.
        }
    }
}
