using System.Collections.Concurrent;
using FitnessClients.Core.RateLimiting;

namespace FitnessClients.Strava.RateLimits;

/// <summary>
/// Strava's rate limits as a Core <see cref="FixedWindowRateLimitPolicy"/>: overall and read budgets, each per quarter
/// hour and per UTC day, corrected by the <c>X-RateLimit-*</c> and <c>X-ReadRateLimit-*</c> headers.
/// </summary>
/// <remarks>
/// Limits belong to the API application, not to the athlete: every client of one application in a process should share
/// one policy, which <see cref="GetSharedPolicy"/> hands out.
/// </remarks>
/// <example>
/// <code>
/// var policy = StravaRateLimits.GetSharedPolicy(clientId, TimeProvider.System, RateLimitExhaustionBehavior.Wait);
/// var client = StravaClient.Create(new StravaClientOptions { ClientId = clientId, RateLimitPolicy = policy, ... });
/// </code>
/// </example>
public static class StravaRateLimits
{
    /// <summary>The overall quarter-hour window.</summary>
    public const string Overall15Minutes = "overall-15m";

    /// <summary>The overall daily window.</summary>
    public const string OverallDaily = "overall-daily";

    /// <summary>The read quarter-hour window.</summary>
    public const string Read15Minutes = "read-15m";

    /// <summary>The read daily window.</summary>
    public const string ReadDaily = "read-daily";

    /// <summary>Marks requests that do not go to Strava's API (photo CDN) so no window counts them.</summary>
    internal static readonly HttpRequestOptionsKey<bool> NotCounted = new("FitnessClients.Strava.NotCounted");

    private static readonly ConcurrentDictionary<(string ClientId, TimeProvider Clock, RateLimitExhaustionBehavior Behavior), FixedWindowRateLimitPolicy> Shared = new();

    /// <summary>
    /// Whether a request counts only against the overall budget: <c>POST …/uploads</c> and <c>POST …/activities</c>
    /// (creating activities); everything else is a read.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for uploads.</returns>
    public static bool IsUpload(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Post || request.RequestUri is null)
        {
            return false;
        }

        var path = (request.RequestUri.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0]).TrimEnd('/');
        return path.EndsWith("/uploads", StringComparison.OrdinalIgnoreCase)
            || path.Equals("uploads", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/activities", StringComparison.OrdinalIgnoreCase)
            || path.Equals("activities", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Creates a new policy (use <see cref="GetSharedPolicy"/> to share one per application).</summary>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="behavior">Wait for the window to reopen, or throw <see cref="Core.RateLimitExceededException"/>.</param>
    /// <param name="settings">The application's limits; the documented defaults when <see langword="null"/>.</param>
    /// <returns>The policy.</returns>
    public static FixedWindowRateLimitPolicy CreatePolicy(
        TimeProvider? timeProvider = null,
        RateLimitExhaustionBehavior behavior = RateLimitExhaustionBehavior.Wait,
        StravaRateLimitSettings? settings = null)
    {
        settings ??= new StravaRateLimitSettings();
        static bool IsCounted(HttpRequestMessage r) => !(r.Options.TryGetValue(NotCounted, out var skip) && skip);
        static bool IsRead(HttpRequestMessage r) => IsCounted(r) && !IsUpload(r);
        RateLimitWindow[] windows =
        [
            RateLimitWindow.QuarterHour(Overall15Minutes, settings.Overall15Minutes, IsCounted) with { SafetyMargin = settings.SafetyMargin },
            RateLimitWindow.DailyUtc(OverallDaily, settings.OverallDaily, IsCounted) with { SafetyMargin = settings.SafetyMargin },
            RateLimitWindow.QuarterHour(Read15Minutes, settings.Read15Minutes, IsRead) with { SafetyMargin = settings.SafetyMargin },
            RateLimitWindow.DailyUtc(ReadDaily, settings.ReadDaily, IsRead) with { SafetyMargin = settings.SafetyMargin },
        ];
        return new FixedWindowRateLimitPolicy(windows, timeProvider ?? TimeProvider.System)
        {
            UsageReaders = CreateUsageReaders(),
            ExhaustionBehavior = behavior,
        };
    }

    /// <summary>
    /// The process-wide policy of one API application (limits are per application), created on first use with the
    /// default limits. Clients with the same client id, clock and behavior get the same instance.
    /// </summary>
    /// <param name="clientId">The application's client id.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="behavior">Wait or throw when a window is spent.</param>
    /// <returns>The shared policy.</returns>
    public static FixedWindowRateLimitPolicy GetSharedPolicy(
        string clientId,
        TimeProvider? timeProvider = null,
        RateLimitExhaustionBehavior behavior = RateLimitExhaustionBehavior.Wait)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        var clock = timeProvider ?? TimeProvider.System;
        return Shared.GetOrAdd((clientId, clock, behavior), key => CreatePolicy(key.Clock, key.Behavior));
    }

    /// <summary>The readers of Strava's two header pairs, mapped to this class's window names.</summary>
    /// <returns>Two readers: overall, then read.</returns>
    public static IReadOnlyList<IRateLimitUsageReader> CreateUsageReaders() =>
    [
        new CommaSeparatedUsageHeaderReader("X-RateLimit-Limit", "X-RateLimit-Usage", Overall15Minutes, OverallDaily),
        new CommaSeparatedUsageHeaderReader("X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage", Read15Minutes, ReadDaily),
    ];
}
