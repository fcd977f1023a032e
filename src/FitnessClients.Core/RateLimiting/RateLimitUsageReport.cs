namespace FitnessClients.Core.RateLimiting;

/// <summary>What a service said about one of its rate-limit windows in a response.</summary>
/// <param name="WindowName">The name of the policy window the report belongs to (readers are configured with it).</param>
/// <param name="Limit">The limit the service applies to the window.</param>
/// <param name="Used">How many requests the service has counted in the current period; may exceed <paramref name="Limit"/>.</param>
/// <param name="ResetsAt">When the service will reset the window, if it said (Flask-Limiter's <c>X-RateLimit-Reset</c>).</param>
public sealed record RateLimitUsageReport(string WindowName, int Limit, int Used, DateTimeOffset? ResetsAt = null)
{
    /// <summary>Whether the service counts the window as used up.</summary>
    public bool IsExhausted => Used >= Limit;
}
