using System.Net;
using FitnessClients.Core.Http;

namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// A token bucket for services that publish no limits (Garmin Connect): up to <see cref="Capacity"/> requests in a
/// burst, then <see cref="TokensPerPeriod"/> more every <see cref="Period"/>. A 429 starts a cooldown, and usage
/// reports, when a service sends them, can only make the bucket more careful.
/// </summary>
/// <remarks>
/// <para>
/// The defaults (a burst of 5, then 1 request per second) are a conservative guess, not a documented limit:
/// tools that fetched years of Garmin data saw no throttling at a few requests per second, while the login and
/// token endpoints throttle hard, and those 429s are answered with the cooldown.
/// </para>
/// <para>
/// The bucket arithmetic is done here from <see cref="TimeProvider"/> timestamps instead of with
/// <see cref="System.Threading.RateLimiting.TokenBucketRateLimiter"/>: even with <c>AutoReplenishment = false</c>,
/// its <c>TryReplenish()</c> adds tokens in proportion to the real time elapsed since the last call (it reads
/// <c>Stopwatch</c>, not a <see cref="TimeProvider"/>), so a timer on a fake clock cannot drive it and tests could
/// not compress time. Tokens are added in whole periods; after the bucket was full, the first period starts with
/// the first token taken.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var garmin = new TokenBucketRateLimitPolicy(capacity: 10, tokensPerPeriod: 2, period: TimeSpan.FromSeconds(1));
/// </code>
/// </example>
public sealed class TokenBucketRateLimitPolicy : RateLimitPolicy
{
    /// <summary>The default burst size.</summary>
    public const int DefaultCapacity = 5;

    /// <summary>The default number of tokens added each period.</summary>
    public const int DefaultTokensPerPeriod = 1;

    // A usage report's reset time further away than this is treated as garbage.
    private static readonly TimeSpan MaxReportedReset = TimeSpan.FromDays(1);

    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly RateLimitCooldown _cooldown = new();
    private RateLimitJitter? _jitter;
    private int _tokens;
    private long _origin;
    private long _refilledPeriods;

    /// <summary>Creates the bucket, full.</summary>
    /// <param name="capacity">The burst size, at least 1. Default <see cref="DefaultCapacity"/>.</param>
    /// <param name="tokensPerPeriod">Tokens added each period, at least 1. Default <see cref="DefaultTokensPerPeriod"/>.</param>
    /// <param name="period">The refill period, positive. Default <see cref="DefaultPeriod"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public TokenBucketRateLimitPolicy(int capacity = DefaultCapacity, int tokensPerPeriod = DefaultTokensPerPeriod, TimeSpan? period = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokensPerPeriod, 1);
        var refill = period ?? DefaultPeriod;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refill, TimeSpan.Zero, nameof(period));
        Capacity = capacity;
        TokensPerPeriod = tokensPerPeriod;
        Period = refill;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _tokens = capacity;
        _origin = _timeProvider.GetTimestamp();
    }

    /// <summary>The default refill period: one second.</summary>
    public static TimeSpan DefaultPeriod { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The burst size.</summary>
    public int Capacity { get; }

    /// <summary>Tokens added each <see cref="Period"/>.</summary>
    public int TokensPerPeriod { get; }

    /// <summary>The refill period.</summary>
    public TimeSpan Period { get; }

    /// <summary>The name the bucket has in <see cref="GetStatus"/>, in exceptions, and that usage reports must carry to apply. Default <c>token bucket</c>.</summary>
    public string Name
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            field = value;
        }
    } = "token bucket";

    /// <summary>Read the usage a service reports, if it does; reports named <see cref="Name"/> apply. Default none.</summary>
    public IReadOnlyList<IRateLimitUsageReader> UsageReaders { get; init; } = [];

    /// <summary>The largest random extra wait before a waiter checks again. Default zero: a bucket already paces evenly.</summary>
    public TimeSpan MaxJitter
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>The source of the jitter. Default <see cref="Random.Shared"/>.</summary>
    public Random JitterRandom { get; init; } = Random.Shared;

    /// <summary>The cooldown after a 429 without <c>Retry-After</c> or usage report; doubles per consecutive 429 up to <see cref="MaxCooldown"/>. Default 60 seconds.</summary>
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
        await RateLimitWaiter.AcquireAsync(TryAcquire, ExhaustionBehavior, _timeProvider, Jitter, cancellationToken).ConfigureAwait(false);
        OnStatusChanged();
    }

    /// <inheritdoc />
    public override void OnResponse(HttpRequestMessage request, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = _timeProvider.GetUtcNow();
        var reports = RateLimitUsageReaders.ReadAll(UsageReaders, response, now);
        var tooMany = response.StatusCode == HttpStatusCode.TooManyRequests;
        var retryAfter = tooMany ? RetryAfter.GetDelay(response, now) : null;

        lock (_gate)
        {
            Refill();
            RateLimitBlock? exhausted = null;
            foreach (var report in reports)
            {
                if (Apply(report, now) is { } block && (exhausted is null || block.ResumeAt > exhausted.Value.ResumeAt))
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
                if (exhausted is { } block)
                {
                    _cooldown.Extend(block);
                }
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
            var untilNext = Refill();
            var missing = Capacity - _tokens;
            var fullAt = missing == 0
                ? now
                : now + untilNext + (Period * ((missing + TokensPerPeriod - 1) / TokensPerPeriod - 1));
            return new RateLimitStatus([new RateLimitWindowStatus(Name, Capacity, missing, fullAt)], _cooldown.ActiveAt(now)?.ResumeAt);
        }
    }

    private RateLimitBlock? TryAcquire(DateTimeOffset now)
    {
        lock (_gate)
        {
            var untilNext = Refill();
            if (_cooldown.ActiveAt(now) is { } cooldown)
            {
                return cooldown;
            }

            if (_tokens == 0)
            {
                return new RateLimitBlock(now + untilNext, Name, Capacity, Capacity);
            }

            _tokens--;
            return null;
        }
    }

    // Adds the tokens of the whole periods elapsed since the last refill; returns the time until the next period ends.
    private TimeSpan Refill()
    {
        var timestamp = _timeProvider.GetTimestamp();
        var elapsed = _timeProvider.GetElapsedTime(_origin, timestamp);
        var periods = elapsed.Ticks / Period.Ticks;
        var added = (periods - _refilledPeriods) * TokensPerPeriod;
        _refilledPeriods = periods;
        _tokens = (int)Math.Min(Capacity, _tokens + added);
        if (_tokens == Capacity)
        {
            // A full bucket has no refill in progress: the next period starts with the next token taken.
            _origin = timestamp;
            _refilledPeriods = 0;
            return Period;
        }

        return TimeSpan.FromTicks(((periods + 1) * Period.Ticks) - elapsed.Ticks);
    }

    // Applies a report under the lock: the service's remaining budget caps the tokens; an exhausted budget with a
    // known reset time blocks until then.
    private RateLimitBlock? Apply(RateLimitUsageReport report, DateTimeOffset now)
    {
        if (!string.Equals(report.WindowName, Name, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var remaining = Math.Max(0, report.Limit - report.Used);
        _tokens = Math.Min(_tokens, remaining);
        if (!report.IsExhausted || report.ResetsAt is not { } reset || reset <= now || reset > now + MaxReportedReset)
        {
            return null;
        }

        return new RateLimitBlock(reset, Name, report.Limit, report.Used);
    }
}
