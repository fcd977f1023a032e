using System.Globalization;
using System.Net;
using FitnessClients.Core.Http;

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
public sealed class FixedWindowRateLimitPolicy : RateLimitPolicy
{
    private static long s_instances;

    private readonly object _gate = new();
    private readonly FixedWindowState[] _windows;
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _timeProvider;
    private readonly HttpRequestOptionsKey<FixedWindowAcquisition> _acquisitionKey;
    private readonly RateLimitCooldown _cooldown = new();
    private RateLimitJitter? _jitter;

    /// <summary>Creates the policy.</summary>
    /// <param name="windows">The windows; at least one, with distinct names.</param>
    /// <param name="timeProvider">The clock for window boundaries and waits; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public FixedWindowRateLimitPolicy(IEnumerable<RateLimitWindow> windows, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _timeProvider = timeProvider ?? TimeProvider.System;
        var definitions = windows.ToArray();
        if (definitions.Length == 0)
        {
            throw new ArgumentException("At least one window is needed.", nameof(windows));
        }

        var now = _timeProvider.GetUtcNow();
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

    /// <summary>Read the usage the service reports in each response; reports name the window they correct. Default none.</summary>
    public IReadOnlyList<IRateLimitUsageReader> UsageReaders { get; init; } = [];

    /// <summary>
    /// The largest random extra wait after a window reopens (uniform from zero), so waiters and clients spread out
    /// and a service clock slightly behind ours has reset too. Default 2 seconds; zero turns it off.
    /// </summary>
    public TimeSpan MaxJitter
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromSeconds(2);

    /// <summary>The source of the jitter; pass a seeded instance for reproducible waits. Default <see cref="Random.Shared"/>.</summary>
    public Random JitterRandom { get; init; } = Random.Shared;

    /// <summary>
    /// The cooldown after a 429 that carries neither <c>Retry-After</c> nor a usage report showing an exhausted
    /// window (Runkeeper); it doubles with each consecutive such 429 up to <see cref="MaxCooldown"/>. Default 60 seconds.
    /// </summary>
    public TimeSpan DefaultCooldown
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromSeconds(60);

    /// <summary>The cap of the doubling <see cref="DefaultCooldown"/>. Default 15 minutes.</summary>
    public TimeSpan MaxCooldown
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromMinutes(15);

    private RateLimitJitter Jitter => LazyInitializer.EnsureInitialized(ref _jitter, () => new RateLimitJitter(MaxJitter, JitterRandom));

    /// <inheritdoc />
    public override async ValueTask AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The predicates are caller code: run them once, outside the lock.
        var applies = Array.ConvertAll(_windows, w => w.Definition.AppliesTo(request));
        await RateLimitWaiter.AcquireAsync(now => TryAcquire(request, applies, now), ExhaustionBehavior, _timeProvider, Jitter, cancellationToken)
            .ConfigureAwait(false);
        OnStatusChanged();
    }

    /// <inheritdoc />
    public override void OnResponse(HttpRequestMessage request, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var now = _timeProvider.GetUtcNow();
        var reports = RateLimitUsageReaders.ReadAll(UsageReaders, response, now);
        var tooMany = response.StatusCode == HttpStatusCode.TooManyRequests;
        var retryAfter = tooMany ? RetryAfter.GetDelay(response, now) : null;
        request.Options.TryGetValue(_acquisitionKey, out var acquisition);

        lock (_gate)
        {
            RollEndedWindows(now);
            RateLimitBlock? exhausted = null;
            foreach (var report in reports)
            {
                if (Apply(report, acquisition, now) is { } block && (exhausted is null || block.ResumeAt > exhausted.Value.ResumeAt))
                {
                    exhausted = block;
                }
            }

            if (tooMany)
            {
                _cooldown.OnTooManyRequests(now, retryAfter, exhausted, DefaultCooldown, MaxCooldown);
            }
            else
            {
                _cooldown.OnOtherResponse();
            }
        }

        OnStatusChanged();
    }

    /// <inheritdoc />
    public override RateLimitStatus GetStatus()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            RollEndedWindows(now);
            return new RateLimitStatus(Array.ConvertAll(_windows, w => w.ToStatus()), _cooldown.ActiveAt(now)?.ResumeAt);
        }
    }

    private RateLimitBlock? TryAcquire(HttpRequestMessage request, bool[] applies, DateTimeOffset now)
    {
        lock (_gate)
        {
            RollEndedWindows(now);
            if (_cooldown.ActiveAt(now) is { } cooldown)
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
