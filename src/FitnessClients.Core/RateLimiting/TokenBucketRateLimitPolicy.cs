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
public sealed class TokenBucketRateLimitPolicy : PacedRateLimitPolicy
{
    /// <summary>The default burst size.</summary>
    public const int DefaultCapacity = 5;

    /// <summary>The default number of tokens added each period.</summary>
    public const int DefaultTokensPerPeriod = 1;

    // A usage report's reset time further away than this is treated as garbage.
    private static readonly TimeSpan MaxReportedReset = TimeSpan.FromDays(1);

    private int _tokens;
    private long _origin;
    private long _refilledPeriods;

    /// <summary>Creates the bucket, full.</summary>
    /// <param name="capacity">The burst size, at least 1. Default <see cref="DefaultCapacity"/>.</param>
    /// <param name="tokensPerPeriod">Tokens added each period, at least 1. Default <see cref="DefaultTokensPerPeriod"/>.</param>
    /// <param name="period">The refill period, positive. Default <see cref="DefaultPeriod"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <remarks><see cref="PacedRateLimitPolicy.MaxJitter"/> defaults to zero: a bucket already paces evenly.</remarks>
    public TokenBucketRateLimitPolicy(int capacity = DefaultCapacity, int tokensPerPeriod = DefaultTokensPerPeriod, TimeSpan? period = null, TimeProvider? timeProvider = null)
        : base(TimeSpan.Zero, timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokensPerPeriod, 1);
        var refill = period ?? DefaultPeriod;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refill, TimeSpan.Zero, nameof(period));
        Capacity = capacity;
        TokensPerPeriod = tokensPerPeriod;
        Period = refill;
        _tokens = capacity;
        _origin = Clock.GetTimestamp();
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

    /// <inheritdoc />
    public override RateLimitStatus GetStatus()
    {
        lock (Gate)
        {
            var now = Clock.GetUtcNow();
            var untilNext = Refill();
            var missing = Capacity - _tokens;
            var fullAt = missing == 0
                ? now
                : now + untilNext + (Period * ((missing + TokensPerPeriod - 1) / TokensPerPeriod - 1));
            return new RateLimitStatus([new RateLimitWindowStatus(Name, Capacity, missing, fullAt)], Cooldown.ActiveAt(now)?.ResumeAt);
        }
    }

    // Tokens cannot express a reset time, so a report of an exhausted budget with one holds requests back as a cooldown.
    private protected override bool ExhaustedReportStartsCooldown => true;

    /// <inheritdoc />
    private protected override Func<DateTimeOffset, RateLimitBlock?> PrepareAcquire(HttpRequestMessage request) => TryAcquire;

    /// <inheritdoc />
    private protected override void Advance(DateTimeOffset now) => Refill();

    /// <inheritdoc />
    private protected override RateLimitBlock? ApplyReport(HttpRequestMessage request, RateLimitUsageReport report, DateTimeOffset now) => Apply(report, now);

    // Runs under the lock.
    private RateLimitBlock? TryAcquire(DateTimeOffset now)
    {
        var untilNext = Refill();
        if (Cooldown.ActiveAt(now) is { } cooldown)
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

    // Adds the tokens of the whole periods elapsed since the last refill; returns the time until the next period ends.
    private TimeSpan Refill()
    {
        var timestamp = Clock.GetTimestamp();
        var elapsed = Clock.GetElapsedTime(_origin, timestamp);
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
