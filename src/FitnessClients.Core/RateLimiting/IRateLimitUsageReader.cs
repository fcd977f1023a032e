namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// Extracts the usage a service reports in its response headers, so a policy can correct its local counts:
/// other processes using the same application budget and retries below the rate limiter are only visible there.
/// </summary>
/// <remarks>
/// Implementations must not throw: absent headers and unreadable values give no report. Shipped:
/// <see cref="FlaskLimiterHeaderReader"/> (<c>X-RateLimit-Limit/Remaining/Reset</c>) and
/// <see cref="CommaSeparatedUsageHeaderReader"/> (Strava's <c>X-RateLimit-Limit: 200,2000</c> pairs).
/// </remarks>
public interface IRateLimitUsageReader
{
    /// <summary>Reads the reports in <paramref name="response"/>; an empty list when it carries none.</summary>
    /// <param name="response">The response, of any status.</param>
    /// <param name="now">The current time, for services that send reset times relative to now.</param>
    IReadOnlyList<RateLimitUsageReport> Read(HttpResponseMessage response, DateTimeOffset now);
}
