using FitnessClients.Core.RateLimiting;

namespace FitnessClients.Testing;

/// <summary>
/// One counting window of a <see cref="RateLimitSimulator"/>, e.g. "overall, 200 per 15 minutes" or "read, 1,000 per day".
/// Its state is guarded by the simulator's lock.
/// </summary>
public sealed class SimulatedRateLimitWindow
{
    private readonly object _gate;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset? _start;
    private int _used;
    private long _totalCounted;
    private long _rejections;

    internal SimulatedRateLimitWindow(object gate, TimeProvider timeProvider, string name, int limit, TimeSpan length, Func<EmulatorRequest, bool>? counts, RateLimitWindowAlignment alignment)
    {
        _gate = gate;
        _timeProvider = timeProvider;
        Name = name;
        Limit = limit;
        Length = length;
        Counts = counts;
        Alignment = alignment;
    }

    /// <summary>The window's name, used by header writers and in <see cref="RateLimitDecision"/>.</summary>
    public string Name { get; }

    /// <summary>How many requests the window allows.</summary>
    public int Limit { get; }

    /// <summary>The window's length.</summary>
    public TimeSpan Length { get; }

    /// <summary>Where the window's boundaries fall.</summary>
    public RateLimitWindowAlignment Alignment { get; }

    /// <summary>Which requests count toward the window; all when <see langword="null"/>.</summary>
    public Func<EmulatorRequest, bool>? Counts { get; }

    /// <summary>
    /// Whether requests rejected with 429 still count toward this window (default <see langword="true"/>: Strava counts
    /// requests that violate the short-term limit toward the long-term one, and usage can exceed the limit).
    /// </summary>
    public bool CountsRejectedRequests { get; set; } = true;

    /// <summary>How many requests the window has counted since the simulator was created or reset, across all periods.</summary>
    public long TotalCounted
    {
        get
        {
            lock (_gate)
            {
                return _totalCounted;
            }
        }
    }

    /// <summary>How many requests were rejected because this window was used up.</summary>
    public long Rejections
    {
        get
        {
            lock (_gate)
            {
                return _rejections;
            }
        }
    }

    /// <summary>The window's current period: limit, use and reset time, on the simulator's clock.</summary>
    public RateLimitWindowStatus GetStatus()
    {
        lock (_gate)
        {
            return StatusLocked(_timeProvider.GetUtcNow());
        }
    }

    internal bool IsFullLocked => _used >= Limit;

    internal bool AppliesTo(EmulatorRequest request) => Counts is null || Counts(request);

    internal void RollLocked(DateTimeOffset now)
    {
        if (Alignment == RateLimitWindowAlignment.UtcClock)
        {
            var start = AlignedStart(now);
            if (_start != start)
            {
                _start = start;
                _used = 0;
            }
        }
        else if (_start is { } started && now >= started + Length)
        {
            _start = null;
            _used = 0;
        }
    }

    internal void CountLocked(DateTimeOffset now)
    {
        _start ??= now;
        _used++;
        _totalCounted++;
    }

    internal void RejectLocked() => _rejections++;

    internal void ResetLocked()
    {
        _start = null;
        _used = 0;
        _totalCounted = 0;
        _rejections = 0;
    }

    internal RateLimitWindowStatus StatusLocked(DateTimeOffset now)
    {
        RollLocked(now);
        var resetsAt = Alignment == RateLimitWindowAlignment.UtcClock ? AlignedStart(now) + Length : (_start ?? now) + Length;
        return new RateLimitWindowStatus(Name, Limit, _used, resetsAt);
    }

    private DateTimeOffset AlignedStart(DateTimeOffset now)
    {
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(sinceEpoch - (sinceEpoch % Length.Ticks));
    }
}
