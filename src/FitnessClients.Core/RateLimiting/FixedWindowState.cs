namespace FitnessClients.Core.RateLimiting;

/// <summary>The counts of one <see cref="RateLimitWindow"/> in its current period. Guarded by the policy's lock.</summary>
internal sealed class FixedWindowState(RateLimitWindow definition, DateTimeOffset now)
{
    public RateLimitWindow Definition { get; } = definition;

    /// <summary>The limit in force: the definition's until the service reports its own.</summary>
    public int Limit { get; set; } = definition.Limit;

    /// <summary>Requests counted in the current period: local grants, corrected by the service's reports.</summary>
    public int Used { get; set; }

    /// <summary>Permits granted in the current period, never corrected; orders grants to tell which came after a response's request.</summary>
    public long Issued { get; private set; }

    /// <summary>Counts periods, so a response can tell whether its request belongs to the current one.</summary>
    public long Generation { get; private set; }

    /// <summary>When the current period ends: the clock-aligned boundary, or the service's reset time when it reports one.</summary>
    public DateTimeOffset PeriodEnd { get; set; } = definition.GetPeriodEnd(now);

    /// <summary>How many requests the window admits per period after keeping the safety margin free.</summary>
    public int Admits => Math.Max(1, Limit - Definition.SafetyMargin);

    public bool HasRoom => Used < Admits;

    /// <summary>Starts a fresh period when the current one has ended.</summary>
    /// <returns>Whether a new period began.</returns>
    public bool RollIfEnded(DateTimeOffset now)
    {
        if (now < PeriodEnd)
        {
            return false;
        }

        Used = 0;
        Issued = 0;
        Generation++;
        PeriodEnd = Definition.GetPeriodEnd(now);
        return true;
    }

    /// <summary>Counts a granted permit and returns its sequence number within the period.</summary>
    public long Count()
    {
        Used++;
        return ++Issued;
    }

    public RateLimitWindowStatus ToStatus() => new(Definition.Name, Limit, Used, PeriodEnd);
}
