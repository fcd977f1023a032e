namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// The cooldown a policy enters after a 429: until <c>Retry-After</c>, else until the window the service reports
/// as exhausted reopens, else a default that doubles with each consecutive 429 up to a cap.
/// </summary>
/// <remarks>Not thread-safe: the owning policy calls it under its lock.</remarks>
internal sealed class RateLimitCooldown
{
    private int _consecutive;

    /// <summary>The current cooldown, if one was ever set (it may lie in the past).</summary>
    public RateLimitBlock? Block { get; private set; }

    /// <summary>The cooldown still in force at <paramref name="now"/>, if any.</summary>
    public RateLimitBlock? ActiveAt(DateTimeOffset now) => Block is { } block && block.ResumeAt > now ? block : null;

    /// <summary>A response other than 429 ends the run of consecutive 429s.</summary>
    public void OnOtherResponse() => _consecutive = 0;

    /// <summary>Enters (or extends) the cooldown for a 429.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="retryAfter">The service's <c>Retry-After</c>, if it sent one.</param>
    /// <param name="exhausted">The window the service's usage reports show as exhausted, with its reopening.</param>
    /// <param name="defaultCooldown">The wait when the response says nothing usable.</param>
    /// <param name="maxCooldown">The cap for the doubling default.</param>
    public void OnTooManyRequests(DateTimeOffset now, TimeSpan? retryAfter, RateLimitBlock? exhausted, TimeSpan defaultCooldown, TimeSpan maxCooldown)
    {
        _consecutive++;
        RateLimitBlock next;
        if (retryAfter is { } delay)
        {
            next = new RateLimitBlock(now + delay, exhausted?.Window, exhausted?.Limit, exhausted?.Usage);
        }
        else if (exhausted is { } block)
        {
            next = block;
        }
        else
        {
            next = new RateLimitBlock(now + GrowingDelay(defaultCooldown, maxCooldown), null, null, null);
        }

        Extend(next);
    }

    /// <summary>Makes the cooldown last at least until <paramref name="block"/> ends, without counting a 429.</summary>
    public void Extend(RateLimitBlock block)
    {
        // Only ever extend: a shorter hint must not cut short a cooldown another response asked for.
        if (Block is not { } current || current.ResumeAt < block.ResumeAt)
        {
            Block = block;
        }
    }

    private TimeSpan GrowingDelay(TimeSpan defaultCooldown, TimeSpan maxCooldown)
    {
        var doublings = Math.Min(_consecutive - 1, 30);
        var ticks = defaultCooldown.Ticks * Math.Pow(2, doublings);
        return ticks >= maxCooldown.Ticks ? maxCooldown : TimeSpan.FromTicks((long)ticks);
    }
}
