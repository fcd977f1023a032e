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
        if (utcOffsetSeconds is { } seconds && !double.IsNaN(seconds) && TryOffset(TimeSpan.FromSeconds(seconds), out var fromField))
        {
            return utc.ToOffset(fromField);
        }

        if (startDateLocal is { } local && TryOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - utc.DateTime, out var fromGap))
        {
            return utc.ToOffset(fromGap);
        }

        return utc;
    }

    private static bool TryOffset(TimeSpan raw, out TimeSpan offset)
    {
        // Offsets are whole minutes; hidden start times and odd data can give seconds or absurd gaps.
        offset = TimeSpan.FromMinutes(Math.Round(raw.TotalMinutes));
        return offset.Duration() <= MaxOffset;
    }
}
