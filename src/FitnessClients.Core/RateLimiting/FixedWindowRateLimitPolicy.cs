using System.Globalization;

namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// A policy of several clock-aligned fixed windows at once (Strava: 15-minute and daily, overall and read). A request
/// counts against every window that applies to it and is sent only when all of them have room; the service's usage
/// headers correct the counts, and a 429 starts a cooldown.
/// </summary>
/// <remarks>
/// Thread-safe: the check and the count happen under one lock, so concurrent callers never overshoot a window.
/// Waiters wake when the latest of their exhausted windows reopens (plus jitter) and check again, so the fresh
/// budget goes to whoever asks first, not in arrival order.
/// </remarks>
/// <example>
/// <code>
/// static bool IsUpload(HttpRequestMessage r) => r.Method == HttpMethod.Post &amp;&amp; r.RequestUri!.AbsolutePath.EndsWith("/uploads", StringComparison.Ordinal);
/// var policy = new FixedWindowRateLimitPolicy(
/// [
///     RateLimitWindow.QuarterHour("overall 15-minute", 200),
///     RateLimitWindow.DailyUtc("overall daily", 2000),
///     RateLimitWindow.QuarterHour("read 15-minute", 100, r => !IsUpload(r)),
///     RateLimitWindow.DailyUtc("read daily", 1000, r => !IsUpload(r)),
/// ])
/// {
///     UsageReaders =
///     [
///         new CommaSeparatedUsageHeaderReader("X-RateLimit-Limit", "X-RateLimit-Usage", "overall 15-minute", "overall daily"),
///         new CommaSeparatedUsageHeaderReader("X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage", "read 15-minute", "read daily"),
///     ],
///     ExhaustionBehavior = RateLimitExhaustionBehavior.Wait,
/// };
/// </code>
/// </example>
public sealed class FixedWindowRateLimitPolicy : PacedRateLimitPolicy
{
    private static long s_instances;

    private readonly FixedWindowState[] _windows;
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HttpRequestOptionsKey<FixedWindowAcquisition> _acquisitionKey;

    /// <summary>Creates the policy.</summary>
    /// <param name="windows">The windows; at least one, with distinct names.</param>
    /// <param name="timeProvider">The clock for window boundaries and waits; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <remarks><see cref="PacedRateLimitPolicy.MaxJitter"/> defaults to 2 seconds.</remarks>
    public FixedWindowRateLimitPolicy(IEnumerable<RateLimitWindow> windows, TimeProvider? timeProvider = null)
        : base(TimeSpan.FromSeconds(2), timeProvider)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var definitions = windows.ToArray();
        if (definitions.Length == 0)
        {
            throw new ArgumentException("At least one window is needed.", nameof(windows));
        }

        var now = Clock.GetUtcNow();
        _windows = new FixedWindowState[definitions.Length];
        for (var i = 0; i < definitions.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(definitions[i], nameof(windows));
            if (!_indexByName.TryAdd(definitions[i].Name, i))
            {
                throw new ArgumentException($"Two windows are named '{definitions[i].Name}'.", nameof(windows));
            }

            _windows[i] = new FixedWindowState(definitions[i], now);
        }

        Windows = definitions;
        _acquisitionKey = new(string.Create(CultureInfo.InvariantCulture, $"FitnessClients.RateLimiting.{Interlocked.Increment(ref s_instances)}"));
    }

    /// <summary>The window definitions, in the order given.</summary>
    public IReadOnlyList<RateLimitWindow> Windows { get; }

    /// <inheritdoc />
    public override RateLimitStatus GetStatus()
    {
        lock (Gate)
        {
            var now = Clock.GetUtcNow();
            RollEndedWindows(now);
            return new RateLimitStatus(Array.ConvertAll(_windows, w => w.ToStatus()), Cooldown.ActiveAt(now)?.ResumeAt);
        }
    }

    /// <inheritdoc />
    private protected override Func<DateTimeOffset, RateLimitBlock?> PrepareAcquire(HttpRequestMessage request)
    {
        // The predicates are caller code: run them once, outside the lock.
        var applies = Array.ConvertAll(_windows, w => w.Definition.AppliesTo(request));
        return now => TryAcquire(request, applies, now);
    }

    /// <inheritdoc />
    private protected override void Advance(DateTimeOffset now) => RollEndedWindows(now);

    /// <inheritdoc />
    private protected override RateLimitBlock? ApplyReport(HttpRequestMessage request, RateLimitUsageReport report, DateTimeOffset now)
    {
        request.Options.TryGetValue(_acquisitionKey, out var acquisition);
        return Apply(report, acquisition, now);
    }

    // Runs under the lock.
    private RateLimitBlock? TryAcquire(HttpRequestMessage request, bool[] applies, DateTimeOffset now)
    {
        RollEndedWindows(now);
        if (Cooldown.ActiveAt(now) is { } cooldown)
        {
            return cooldown;
        }

        // Wait for the latest reopening: sending when only the 15-minute window reopened would still hit the daily one.
        RateLimitBlock? blocked = null;
        for (var i = 0; i < _windows.Length; i++)
        {
            var window = _windows[i];
            if (applies[i] && !window.HasRoom && (blocked is null || window.PeriodEnd > blocked.Value.ResumeAt))
            {
                blocked = new RateLimitBlock(window.PeriodEnd, window.Definition.Name, window.Limit, window.Used);
            }
        }

        if (blocked is not null)
        {
            return blocked;
        }

        var generations = new long[_windows.Length];
        var sequences = new long[_windows.Length];
        for (var i = 0; i < _windows.Length; i++)
        {
            generations[i] = applies[i] ? _windows[i].Generation : -1;
            sequences[i] = applies[i] ? _windows[i].Count() : 0;
        }

        request.Options.Set(_acquisitionKey, new FixedWindowAcquisition(generations, sequences));
        return null;
    }

    // Applies one report under the lock; returns the block it implies when the service says the window is used up.
    private RateLimitBlock? Apply(RateLimitUsageReport report, FixedWindowAcquisition? acquisition, DateTimeOffset now)
    {
        if (!_indexByName.TryGetValue(report.WindowName, out var index))
        {
            return null;
        }

        var window = _windows[index];
        var exhaustedPeriodIsOver = new RateLimitBlock(now, window.Definition.Name, report.Limit, report.Used);

        // A report describes the period in which the service counted the request. When that period is over here,
        // the report must not leak into the fresh one: an old "100 of 100" would block the new quarter hour.
        if (report.ResetsAt is { } reset && reset <= now)
        {
            return report.IsExhausted ? exhaustedPeriodIsOver : null;
        }

        var generation = acquisition?.Generations[index] ?? -1;
        if (generation >= 0 && generation != window.Generation)
        {
            return report.IsExhausted ? exhaustedPeriodIsOver : null;
        }

        if (report.ResetsAt is { } resetsAt)
        {
            // Services whose windows start at the first request (Flask-Limiter) know the period end better than the
            // clock alignment does; a period can still not end later than one length from now.
            var latest = now + window.Definition.Length;
            window.PeriodEnd = resetsAt < latest ? resetsAt : latest;
        }

        window.Limit = report.Limit;
        if (generation >= 0)
        {
            // The service has seen this request and those before it; grants made after it may still be in flight.
            var grantedLater = window.Issued - acquisition!.Sequences[index];
            window.Used = (int)Math.Min(int.MaxValue, report.Used + grantedLater);
        }
        else
        {
            // This request was not counted in the window, so its report cannot be ordered against the grants
            // still in flight: trust it only to raise the count.
            window.Used = Math.Max(window.Used, report.Used);
        }

        return report.IsExhausted ? new RateLimitBlock(window.PeriodEnd, window.Definition.Name, report.Limit, report.Used) : null;
    }

    private void RollEndedWindows(DateTimeOffset now)
    {
        foreach (var window in _windows)
        {
            window.RollIfEnded(now);
        }
    }
}
