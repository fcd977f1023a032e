namespace FitnessClients.Strava.Models;

/// <summary>Works out an activity's real local start from Strava's three start fields.</summary>
internal static class StravaStartTime
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static DateTimeOffset? Compute(DateTimeOffset? startDate, DateTime? startDateLocal, double? utcOffsetSeconds)
    {
        if (startDate is not { } start)
        {
            return null;
        }

        var utc = start.ToUniversalTime();
        if (utcOffsetSeconds is { } seconds && double.IsFinite(seconds) && Math.Abs(seconds) <= MaxOffset.TotalSeconds + 60
            && TryOffset(TimeSpan.FromSeconds(seconds), out var fromField) && CanShift(utc, fromField))
        {
            return utc.ToOffset(fromField);
        }

        if (startDateLocal is { } local && TryOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - utc.DateTime, out var fromGap) && CanShift(utc, fromGap))
        {
            return utc.ToOffset(fromGap);
        }

        return utc;
    }

    // At the very ends of the calendar (garbage such as 9999-12-31) the local time cannot be represented: keep UTC.
    private static bool CanShift(DateTimeOffset utc, TimeSpan offset) =>
        offset >= TimeSpan.Zero ? DateTime.MaxValue.Ticks - utc.UtcTicks >= offset.Ticks : utc.UtcTicks - DateTime.MinValue.Ticks >= -offset.Ticks;

    private static bool TryOffset(TimeSpan raw, out TimeSpan offset)
    {
        // Offsets are whole minutes; hidden start times and odd data can give seconds or absurd gaps.
        offset = TimeSpan.FromMinutes(Math.Round(raw.TotalMinutes));
        return offset.Duration() <= MaxOffset;
    }
}
