using System.Globalization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// Garmin's activity times: two offset-less text forms and an epoch number, from which the start is rebuilt as a
/// <see cref="DateTimeOffset"/> with the offset of the place where the activity happened.
/// </summary>
/// <remarks>
/// <para>
/// The list sends <c>startTimeLocal</c>/<c>startTimeGMT</c> as <c>2026-01-08 08:10:21</c>, the summary as
/// <c>2026-01-08T08:10:21.0</c>; neither carries an offset, and Garmin gives only the zone's name
/// (<c>timeZoneUnitDTO</c>). The offset is the signed difference local − GMT: an activity in Mexico City at
/// 08:10 local and 14:10 GMT starts at <c>08:10-06:00</c>. (garmin-connect-export computes this difference with
/// Python's <c>timedelta.seconds</c>, which is never negative, and stamps it <c>+18:00</c>.) The pair follows daylight
/// saving time by itself, because Garmin recorded both clocks at the moment of the start.
/// </para>
/// <para>
/// The difference is rounded to whole minutes (UTC offsets are whole minutes, and a second of skew between the two
/// stored values must not break the result) and must lie within ±14 hours, the range of real UTC offsets; a pair
/// outside it is treated as if the local time were missing.
/// </para>
/// </remarks>
public static class GarminTime
{
    /// <summary>The largest offset of a real time zone (Kiribati, UTC+14; the smallest is UTC−12).</summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>Reads one of Garmin's offset-less time texts (<c>2026-01-08 08:10:21</c> or <c>2026-01-08T08:10:21.0</c>).</summary>
    /// <param name="text">The text; surrounding white space is allowed.</param>
    /// <param name="value">The time as written, of kind <see cref="DateTimeKind.Unspecified"/>.</param>
    /// <returns>Whether the text is one of the two forms and a real date.</returns>
    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Reads one of Garmin's offset-less time texts.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The time as written, of kind <see cref="DateTimeKind.Unspecified"/>.</returns>
    /// <exception cref="FormatException">The text is neither <c>yyyy-MM-dd HH:mm:ss</c> nor <c>yyyy-MM-ddTHH:mm:ss.f</c>.</exception>
    public static DateTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a Garmin time: expected yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss.f.");
    }

    /// <summary>The UTC offset of a local time relative to the same moment in GMT, rounded to whole minutes.</summary>
    /// <param name="local">The wall-clock time where the activity happened.</param>
    /// <param name="gmt">The same moment in UTC.</param>
    /// <returns>The signed offset (<c>-06:00</c> west of UTC), or <see langword="null"/> when it is beyond ±14 hours.</returns>
    public static TimeSpan? GetOffset(DateTime local, DateTime gmt)
    {
        var minutes = Math.Round((local - gmt).TotalMinutes, MidpointRounding.AwayFromZero);
        var offset = TimeSpan.FromMinutes(minutes);
        return offset.Duration() <= MaxOffset ? offset : null;
    }

    /// <summary>
    /// The start of an activity with its local offset, from whatever of Garmin's three start values are present.
    /// </summary>
    /// <param name="local">The local start (<c>startTimeLocal</c>).</param>
    /// <param name="gmt">The UTC start (<c>startTimeGMT</c>).</param>
    /// <param name="beginTimestamp">The UTC start in epoch milliseconds (<c>beginTimestamp</c>, list only).</param>
    /// <returns>
    /// The local time with offset local − GMT when both are known (GMT taken from <paramref name="beginTimestamp"/> when
    /// <paramref name="gmt"/> is absent); otherwise the UTC start with a zero offset; <see langword="null"/> without any
    /// UTC value. The instant is always GMT's (or <c>beginTimestamp</c>'s); only its offset depends on the local time.
    /// </returns>
    public static DateTimeOffset? GetStartTime(DateTime? local, DateTime? gmt, long? beginTimestamp = null)
    {
        DateTimeOffset? utc = gmt is { } g
            ? new DateTimeOffset(DateTime.SpecifyKind(g, DateTimeKind.Unspecified), TimeSpan.Zero)
            : beginTimestamp is { } ms ? FromEpochMilliseconds(ms) : null;
        if (utc is not { } start)
        {
            return null;
        }

        if (local is { } l && GetOffset(l, start.UtcDateTime) is { } offset && CanShift(start.UtcDateTime, offset))
        {
            return start.ToOffset(offset);
        }

        return start;
    }

    // At the very ends of the calendar (a garbage date such as 9999-12-31 23:59) the local time cannot be represented:
    // keep the instant in UTC rather than fail the whole listing.
    private static bool CanShift(DateTime utc, TimeSpan offset) =>
        offset >= TimeSpan.Zero ? DateTime.MaxValue.Ticks - utc.Ticks >= offset.Ticks : utc.Ticks - DateTime.MinValue.Ticks >= -offset.Ticks;

    /// <summary>Converts Garmin's epoch milliseconds (<c>beginTimestamp</c>) to a UTC moment.</summary>
    /// <param name="milliseconds">Milliseconds since 1970-01-01T00:00:00Z.</param>
    public static DateTimeOffset FromEpochMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
