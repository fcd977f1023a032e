namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// One fixed window of a service's rate limit, e.g. "100 read requests per quarter hour". Windows are aligned to
/// the clock: a window of length L starts at whole multiples of L after UTC midnight, so a 15-minute window
/// reopens at :00, :15, :30 and :45 UTC and a one-day window at UTC midnight, which is how Strava resets.
/// </summary>
/// <remarks>
/// A definition only: the counts live in <see cref="FixedWindowRateLimitPolicy"/>. The length must divide a day
/// evenly so that every window of the day has the same length and the boundaries fall on the same times each day.
/// </remarks>
/// <example>
/// <code>
/// var reads = RateLimitWindow.QuarterHour("read 15-minute", 100, request => request.Method == HttpMethod.Get);
/// var daily = RateLimitWindow.DailyUtc("overall daily", 2000) with { SafetyMargin = 5 };
/// </code>
/// </example>
public sealed record RateLimitWindow
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Creates a window.</summary>
    /// <param name="name">A unique name; server usage reports find the window by it (compared ignoring case).</param>
    /// <param name="limit">How many requests one period allows; at least 1.</param>
    /// <param name="length">The period length; positive, at most one day, and dividing a day evenly.</param>
    /// <param name="appliesTo">Which requests count against the window; <see langword="null"/> means all.</param>
    public RateLimitWindow(string name, int limit, TimeSpan length, Func<HttpRequestMessage, bool>? appliesTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (length <= TimeSpan.Zero || length > Day || Day.Ticks % length.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A window length must be positive, at most one day, and divide a day evenly.");
        }

        Name = name;
        Limit = limit;
        Length = length;
        AppliesTo = appliesTo ?? (static _ => true);
    }

    /// <summary>The window's name, e.g. <c>read 15-minute</c>.</summary>
    public string Name { get; }

    /// <summary>The documented number of requests per period; responses that report the limit override it.</summary>
    public int Limit { get; }

    /// <summary>The period length.</summary>
    public TimeSpan Length { get; }

    /// <summary>Decides whether a request counts against this window (Strava counts uploads only in the overall windows).</summary>
    public Func<HttpRequestMessage, bool> AppliesTo { get; }

    /// <summary>
    /// How many requests of each period to leave unused, as a cushion for other processes sharing the same
    /// application budget and for requests the service counted that this process did not see. Default 0.
    /// </summary>
    public int SafetyMargin
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    /// <summary>A 15-minute window aligned to :00, :15, :30 and :45 UTC.</summary>
    /// <param name="name">The window's name.</param>
    /// <param name="limit">Requests per quarter hour.</param>
    /// <param name="appliesTo">Which requests count; <see langword="null"/> means all.</param>
    public static RateLimitWindow QuarterHour(string name, int limit, Func<HttpRequestMessage, bool>? appliesTo = null) =>
        new(name, limit, TimeSpan.FromMinutes(15), appliesTo);

    /// <summary>A one-day window that resets at UTC midnight.</summary>
    /// <param name="name">The window's name.</param>
    /// <param name="limit">Requests per UTC day.</param>
    /// <param name="appliesTo">Which requests count; <see langword="null"/> means all.</param>
    public static RateLimitWindow DailyUtc(string name, int limit, Func<HttpRequestMessage, bool>? appliesTo = null) =>
        new(name, limit, Day, appliesTo);

    /// <summary>The start of the period that contains <paramref name="now"/>.</summary>
    /// <param name="now">Any moment; its offset does not matter, the alignment is to UTC.</param>
    public DateTimeOffset GetPeriodStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var midnight = new DateTimeOffset(utc.UtcDateTime.Date, TimeSpan.Zero);
        var periods = (utc - midnight).Ticks / Length.Ticks;
        return midnight + TimeSpan.FromTicks(periods * Length.Ticks);
    }

    /// <summary>When the period that contains <paramref name="now"/> ends, i.e. when the window next reopens.</summary>
    /// <param name="now">Any moment.</param>
    public DateTimeOffset GetPeriodEnd(DateTimeOffset now) => GetPeriodStart(now) + Length;
}
