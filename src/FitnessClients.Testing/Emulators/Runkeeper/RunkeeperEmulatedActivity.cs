namespace FitnessClients.Testing;

/// <summary>
/// One fitness activity of a <see cref="RunkeeperEmulator"/>'s user: what its feed item, full JSON, path and export row
/// are generated from. Tests read it to know what the API should return.
/// </summary>
/// <param name="Id">The numeric id (the last segment of <c>/fitnessActivities/{id}</c>).</param>
/// <param name="ExportId">The <c>Activity Id</c> UUID of the export's CSV row.</param>
/// <param name="Type">The Runkeeper type, e.g. <c>Running</c>.</param>
/// <param name="StartUtc">The start, UTC.</param>
/// <param name="UtcOffsetHours">The local offset in hours (fractional for India and the like).</param>
/// <param name="Distance">Metres.</param>
/// <param name="Duration">Seconds from start to end, pauses excluded (what Runkeeper reports).</param>
/// <param name="Calories">Kilocalories.</param>
/// <param name="Climb">Metres climbed.</param>
/// <param name="IsManual">A manual entry: no path, entry mode <c>Web</c>.</param>
/// <param name="HasHeartRate">Whether <c>heart_rate</c> samples exist.</param>
/// <param name="PauseCount">How many pause/resume pairs the path has (so GPX segments = pauses + 1).</param>
/// <param name="Notes">The notes, or <see langword="null"/>.</param>
public sealed record RunkeeperEmulatedActivity(
    long Id,
    Guid ExportId,
    string Type,
    DateTimeOffset StartUtc,
    double UtcOffsetHours,
    double Distance,
    double Duration,
    double Calories,
    double Climb,
    bool IsManual,
    bool HasHeartRate,
    int PauseCount,
    string? Notes)
{
    /// <summary>The start in local time with its offset.</summary>
    public DateTimeOffset StartLocal => StartUtc.ToOffset(TimeSpan.FromMinutes(Math.Round(UtcOffsetHours * 60)));

    /// <summary>The resource URI, <c>/fitnessActivities/{id}</c>.</summary>
    public string Uri => "/fitnessActivities/" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
