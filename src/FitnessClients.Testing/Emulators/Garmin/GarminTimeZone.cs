namespace FitnessClients.Testing;

/// <summary>
/// A time zone the emulated athlete records in: its IANA name, a Garmin-style numeric id, its UTC offset rules, and a
/// place (a city's coordinates and elevation) where synthetic tracks start.
/// </summary>
internal sealed record GarminTimeZone(string Name, int GarminId, TimeSpan StandardOffset, GarminDstRule Dst, double Latitude, double Longitude, double Elevation, string Place)
{
    /// <summary>The offset from UTC at the instant <paramref name="utc"/>.</summary>
    public TimeSpan GetOffset(DateTime utc)
    {
        switch (Dst)
        {
            case GarminDstRule.NorthAmerica:
            {
                var start = NthSunday(utc.Year, 3, 2).AddHours(2) - StandardOffset;
                var end = NthSunday(utc.Year, 11, 1).AddHours(2) - (StandardOffset + TimeSpan.FromHours(1));
                return utc >= start && utc < end ? StandardOffset + TimeSpan.FromHours(1) : StandardOffset;
            }

            case GarminDstRule.Europe:
            {
                var start = LastSunday(utc.Year, 3).AddHours(1);
                var end = LastSunday(utc.Year, 10).AddHours(1);
                return utc >= start && utc < end ? StandardOffset + TimeSpan.FromHours(1) : StandardOffset;
            }

            default:
                return StandardOffset;
        }
    }

    /// <summary>The offset in force at local wall-clock time <paramref name="local"/> (the later one in an overlap).</summary>
    public TimeSpan GetOffsetAtLocal(DateTime local)
    {
        var guess = GetOffset(DateTime.SpecifyKind(local - StandardOffset, DateTimeKind.Utc));
        return GetOffset(DateTime.SpecifyKind(local - guess, DateTimeKind.Utc));
    }

    /// <summary>The date of the <paramref name="n"/>th Sunday of a month.</summary>
    public static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var offset = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
