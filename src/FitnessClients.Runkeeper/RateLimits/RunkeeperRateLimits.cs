using FitnessClients.Core.RateLimiting;

namespace FitnessClients.Runkeeper.RateLimits;

/// <summary>
/// Runkeeper's budget as far as it is known: limits "mostly per user token" plus daily per-application ones, 429 with a
/// <c>reason</c> and no <c>Retry-After</c> or usage headers. The default policy keeps to 100 requests per quarter hour
/// (the safe figure clients settled on) and, after a 429, waits for the next quarter-hour boundary.
/// </summary>
/// <example>
/// <code>
/// var policy = RunkeeperRateLimits.CreatePolicy(requestsPerQuarterHour: 100);
/// var options = new RunkeeperClientOptions { TokenStore = store, RateLimitPolicy = policy };
/// </code>
/// </example>
public static class RunkeeperRateLimits
{
    /// <summary>The window's name in the policy.</summary>
    public const string QuarterHourWindow = "15-minute";

    /// <summary>The default budget per quarter hour.</summary>
    public const int DefaultRequestsPerQuarterHour = 100;

    /// <summary>Creates the default policy: one 15-minute window aligned to the clock, and a 429 closes it until the next boundary.</summary>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="requestsPerQuarterHour">The budget per quarter hour.</param>
    /// <param name="exhaustionBehavior">Wait for the window (backups) or throw (interactive tools).</param>
    /// <returns>A new policy; share it between clients that use the same token.</returns>
    public static FixedWindowRateLimitPolicy CreatePolicy(
        TimeProvider? timeProvider = null,
        int requestsPerQuarterHour = DefaultRequestsPerQuarterHour,
        RateLimitExhaustionBehavior exhaustionBehavior = RateLimitExhaustionBehavior.Wait) =>
        new([RateLimitWindow.QuarterHour(QuarterHourWindow, requestsPerQuarterHour)], timeProvider)
        {
            UsageReaders = [new TooManyRequestsReader(QuarterHourWindow, requestsPerQuarterHour)],
            ExhaustionBehavior = exhaustionBehavior,
        };

    /// <summary>Reads a 429 as "the quarter-hour window is spent", since Runkeeper says nothing more in headers.</summary>
    private sealed class TooManyRequestsReader(string window, int limit) : IRateLimitUsageReader
    {
        public IReadOnlyList<RateLimitUsageReport> Read(HttpResponseMessage response, DateTimeOffset now) =>
            response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? [new RateLimitUsageReport(window, limit, limit)] : [];
    }
}
