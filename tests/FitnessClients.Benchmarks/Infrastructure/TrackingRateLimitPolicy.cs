using FitnessClients.Core.RateLimiting;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>
/// Wraps the client's own policy and counts requests that hold a slot (acquired, no response yet), so the fake-clock
/// driver never moves the clock while a request has been granted in one window but not yet counted by the service.
/// Behaves exactly like the wrapped policy otherwise.
/// </summary>
internal sealed class TrackingRateLimitPolicy : RateLimitPolicy
{
    private readonly RateLimitPolicy _inner;
    private int _granted;

    public TrackingRateLimitPolicy(RateLimitPolicy inner)
    {
        _inner = inner;
        ExhaustionBehavior = inner.ExhaustionBehavior;
        _inner.StatusChanged += (_, _) => OnStatusChanged();
    }

    /// <summary>Requests granted a slot whose response has not come back.</summary>
    public int Granted => Volatile.Read(ref _granted);

    public override async ValueTask AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        await _inner.AcquireAsync(request, cancellationToken);
        Interlocked.Increment(ref _granted);
    }

    public override void OnResponse(HttpRequestMessage request, HttpResponseMessage response)
    {
        Interlocked.Decrement(ref _granted);
        _inner.OnResponse(request, response);
    }

    public override RateLimitStatus GetStatus() => _inner.GetStatus();
}
