namespace FitnessClients.Testing;

/// <summary>
/// One activity of a <see cref="StravaEmulator"/>'s athlete: what its JSON, streams, photos and original file are
/// generated from. Tests read it to know what the API should return.
/// </summary>
/// <param name="Id">The activity id (above 2^31 by default).</param>
/// <param name="Name">The name, sometimes with emoji.</param>
/// <param name="SportType">The <c>sport_type</c>, e.g. <c>Run</c>, <c>MountainBikeRide</c>.</param>
/// <param name="Type">The deprecated <c>type</c>, e.g. <c>Ride</c> for <c>MountainBikeRide</c>.</param>
/// <param name="StartUtc">The start, UTC.</param>
/// <param name="UtcOffset">The local offset at the start.</param>
/// <param name="TimeZone">Strava's time-zone label, e.g. <c>(GMT-07:00) America/Phoenix</c>.</param>
/// <param name="Distance">Metres.</param>
/// <param name="MovingTime">Seconds moving.</param>
/// <param name="ElapsedTime">Seconds from start to end.</param>
/// <param name="ElevationGain">Metres climbed.</param>
/// <param name="IsManual">A manual entry: no GPS, no streams, no file.</param>
/// <param name="IsTrainer">Indoor: streams without <c>latlng</c> and <c>altitude</c>.</param>
/// <param name="Visibility"><c>everyone</c>, <c>followers_only</c> or <c>only_me</c>.</param>
/// <param name="GearId">The gear, e.g. <c>g1001</c> or <c>b2001</c>, or <see langword="null"/>.</param>
/// <param name="PhotoCount">How many photos <c>/photos</c> lists.</param>
/// <param name="HasHeartRate">Whether a heart-rate stream and zones exist.</param>
/// <param name="HasPower">Whether a watts stream and power zones exist.</param>
/// <param name="OriginalFormat">What <c>export_original</c> returns.</param>
/// <param name="Description">The description, or <see langword="null"/>.</param>
/// <param name="Commute">The commute flag.</param>
public sealed record StravaEmulatedActivity(
    long Id,
    string Name,
    string SportType,
    string Type,
    DateTimeOffset StartUtc,
    TimeSpan UtcOffset,
    string TimeZone,
    double Distance,
    int MovingTime,
    int ElapsedTime,
    double ElevationGain,
    bool IsManual,
    bool IsTrainer,
    string Visibility,
    string? GearId,
    int PhotoCount,
    bool HasHeartRate,
    bool HasPower,
    StravaOriginalFormat OriginalFormat,
    string? Description,
    bool Commute)
{
    /// <summary>Whether only the athlete sees it (<c>only_me</c>): listed only with <c>activity:read_all</c>.</summary>
    public bool IsPrivate => string.Equals(Visibility, "only_me", StringComparison.Ordinal);

    /// <summary>The upload id (null for manual entries), derived from the activity id as Strava's are close to it.</summary>
    public long? UploadId => IsManual ? null : (Id / 2) + 1_234_567;

    /// <summary>Seeds the activity's streams and file bytes.</summary>
    internal ulong DataSeed => (ulong)Id * 0x9E3779B97F4A7C15UL;
}
