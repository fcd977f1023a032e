namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// Reads the single-window header triple that Flask-Limiter (FitTrackee) and many other services send:
/// <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (epoch seconds), as a
/// report for one named policy window.
/// </summary>
/// <remarks>
/// The limit and remaining headers are both required; the reset header is optional. Header names are configurable
/// and compared ignoring case; values are trimmed; absent or unreadable values give no report.
/// </remarks>
/// <example>
/// <code>
/// var policy = new FixedWindowRateLimitPolicy([new RateLimitWindow("api", 300, TimeSpan.FromMinutes(5))])
/// {
///     UsageReaders = [new FlaskLimiterHeaderReader("api")],
/// };
/// </code>
/// </example>
public sealed class FlaskLimiterHeaderReader : IRateLimitUsageReader
{
    // 9999-12-31T23:59:59Z: anything later cannot be a DateTimeOffset.
    private const double MaxUnixSeconds = 253_402_300_799;

    /// <summary>Creates a reader whose reports belong to <paramref name="windowName"/>.</summary>
    /// <param name="windowName">The policy window the headers describe.</param>
    public FlaskLimiterHeaderReader(string windowName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(windowName);
        WindowName = windowName;
    }

    /// <summary>The policy window the reports belong to.</summary>
    public string WindowName { get; }

    /// <summary>The header carrying the limit. Default <c>X-RateLimit-Limit</c>.</summary>
    public string LimitHeader { get; init; } = "X-RateLimit-Limit";

    /// <summary>The header carrying the requests left. Default <c>X-RateLimit-Remaining</c>.</summary>
    public string RemainingHeader { get; init; } = "X-RateLimit-Remaining";

    /// <summary>The header carrying the reset time. Default <c>X-RateLimit-Reset</c>.</summary>
    public string ResetHeader { get; init; } = "X-RateLimit-Reset";

    /// <summary>
    /// Whether the reset header holds seconds from now rather than Unix epoch seconds (Flask-Limiter's form).
    /// Default <see langword="false"/>.
    /// </summary>
    public bool ResetIsRelative { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<RateLimitUsageReport> Read(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var limit = RateLimitHeaderValues.ParseCount(RateLimitHeaderValues.Get(response, LimitHeader));
        var remaining = RateLimitHeaderValues.ParseCount(RateLimitHeaderValues.Get(response, RemainingHeader));
        if (limit is not > 0 || remaining is not { } left || left > limit)
        {
            return [];
        }

        return [new RateLimitUsageReport(WindowName, limit.Value, limit.Value - left, ReadReset(response, now))];
    }

    private DateTimeOffset? ReadReset(HttpResponseMessage response, DateTimeOffset now)
    {
        if (RateLimitHeaderValues.ParseSeconds(RateLimitHeaderValues.Get(response, ResetHeader)) is not { } seconds)
        {
            return null;
        }

        if (ResetIsRelative)
        {
            return seconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? now + TimeSpan.FromSeconds(seconds) : null;
        }

        return seconds <= MaxUnixSeconds ? DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(seconds) : null;
    }
}
