namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// Reads a pair of headers that list one value per window, separated by commas, as Strava does:
/// <c>X-RateLimit-Limit: 200,2000</c> with <c>X-RateLimit-Usage: 79,222</c> (15-minute, then daily).
/// The n-th value of each header belongs to the n-th configured window name.
/// </summary>
/// <remarks>
/// Header names are compared ignoring case (HTTP/2 delivers them lowercase), values are trimmed (<c>601, 602</c>
/// is read), absent headers give no report, and a position whose limit or usage is unreadable is skipped while
/// the other positions are still reported.
/// </remarks>
/// <example>
/// <code>
/// IRateLimitUsageReader[] readers =
/// [
///     new CommaSeparatedUsageHeaderReader("X-RateLimit-Limit", "X-RateLimit-Usage", "overall 15-minute", "overall daily"),
///     new CommaSeparatedUsageHeaderReader("X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage", "read 15-minute", "read daily"),
/// ];
/// </code>
/// </example>
public sealed class CommaSeparatedUsageHeaderReader : IRateLimitUsageReader
{
    private readonly string[] _windowNames;

    /// <summary>Creates a reader for one pair of headers.</summary>
    /// <param name="limitHeader">The header listing the limits.</param>
    /// <param name="usageHeader">The header listing the usage.</param>
    /// <param name="windowNames">The policy window of each position, in header order.</param>
    public CommaSeparatedUsageHeaderReader(string limitHeader, string usageHeader, params string[] windowNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(limitHeader);
        ArgumentException.ThrowIfNullOrWhiteSpace(usageHeader);
        ArgumentNullException.ThrowIfNull(windowNames);
        if (windowNames.Length == 0 || windowNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one window name is needed and none may be blank.", nameof(windowNames));
        }

        LimitHeader = limitHeader;
        UsageHeader = usageHeader;
        _windowNames = [.. windowNames];
    }

    /// <summary>The header listing the limits.</summary>
    public string LimitHeader { get; }

    /// <summary>The header listing the usage.</summary>
    public string UsageHeader { get; }

    /// <summary>The policy window of each position.</summary>
    public IReadOnlyList<string> WindowNames => _windowNames;

    /// <inheritdoc />
    public IReadOnlyList<RateLimitUsageReport> Read(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var limits = RateLimitHeaderValues.Get(response, LimitHeader)?.Split(',');
        var usages = RateLimitHeaderValues.Get(response, UsageHeader)?.Split(',');
        if (limits is null || usages is null)
        {
            return [];
        }

        var reports = new List<RateLimitUsageReport>(_windowNames.Length);
        var positions = Math.Min(_windowNames.Length, Math.Min(limits.Length, usages.Length));
        for (var i = 0; i < positions; i++)
        {
            var limit = RateLimitHeaderValues.ParseCount(limits[i]);
            var used = RateLimitHeaderValues.ParseCount(usages[i]);
            if (limit is > 0 && used is { } count)
            {
                reports.Add(new RateLimitUsageReport(_windowNames[i], limit.Value, count));
            }
        }

        return reports;
    }
}
