namespace FitnessClients.Testing;

/// <summary>Where a rate-limit window's boundaries fall.</summary>
public enum RateLimitWindowAlignment
{
    /// <summary>
    /// On the UTC clock, counted from the Unix epoch: a 15-minute window resets at :00, :15, :30 and :45, a daily one at UTC
    /// midnight. How Strava counts.
    /// </summary>
    UtcClock = 0,

    /// <summary>The window opens with the first request counted after the previous one expired (Flask-Limiter's fixed window).</summary>
    FirstRequest = 1,
}
