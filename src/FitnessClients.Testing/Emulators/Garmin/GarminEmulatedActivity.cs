namespace FitnessClients.Testing;

/// <summary>
/// One activity a <see cref="GarminConnectEmulator"/> serves: the facts its JSON and files are generated from, so tests
/// can assert what a client read against what the service holds (ids, start in UTC and local time, type, flags, totals).
/// </summary>
/// <remarks>Read-only: change the account with <see cref="GarminConnectEmulator.AddActivity"/> and <see cref="GarminConnectEmulator.DeleteActivity"/>.</remarks>
public sealed record GarminEmulatedActivity
{
    /// <summary>The activity id (above 2^31).</summary>
    public required long Id { get; init; }

    /// <summary>The multisport parent's id for a child leg; <see langword="null"/> otherwise. Children are not listed.</summary>
    public long? ParentId { get; init; }

    /// <summary>A multisport parent's children, in order (<c>metadataDTO.childIds</c>); empty otherwise.</summary>
    public IReadOnlyList<long> ChildIds { get; init; } = [];

    /// <summary>The name; <see langword="null"/> for an activity without one (very old activities lack <c>activityName</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The activity type key, e.g. <c>trail_running</c> or <c>multi_sport</c>.</summary>
    public required string TypeKey { get; init; }

    /// <summary>The activity type id, e.g. 6 for <c>trail_running</c>.</summary>
    public required int TypeId { get; init; }

    /// <summary>The parent type id, e.g. 1 (<c>running</c>) for <c>trail_running</c>.</summary>
    public required int ParentTypeId { get; init; }

    /// <summary>The start: the local wall-clock time with its offset from UTC (local minus GMT, signed).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The start in UTC (<c>startTimeGMT</c>).</summary>
    public DateTimeOffset StartUtc => Start.ToUniversalTime();

    /// <summary>The local time's offset from UTC at the start, e.g. −06:00 in Denver in summer.</summary>
    public TimeSpan UtcOffset => Start.Offset;

    /// <summary>The IANA time zone the activity was recorded in (<c>timeZoneUnitDTO.timeZone</c>).</summary>
    public required string TimeZone { get; init; }

    /// <summary>Garmin's numeric id of that zone (<c>timeZoneId</c>; synthetic values).</summary>
    public required int TimeZoneId { get; init; }

    /// <summary>The timer duration (<c>duration</c>).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The moving duration (<c>movingDuration</c>).</summary>
    public required TimeSpan MovingDuration { get; init; }

    /// <summary>The elapsed duration (<c>elapsedDuration</c>; seconds in today's JSON, milliseconds in the old list shape).</summary>
    public required TimeSpan ElapsedDuration { get; init; }

    /// <summary>The distance in metres (0 for activities without one).</summary>
    public required double Distance { get; init; }

    /// <summary>Whether the activity has a GPS track (GPX, KML and a positioned TCX); without one the exports answer 204.</summary>
    public required bool HasGps { get; init; }

    /// <summary>Whether it was entered by hand: no file at all.</summary>
    public bool IsManual { get; init; }

    /// <summary>What the original download holds.</summary>
    public required GarminOriginalFormat OriginalFormat { get; init; }

    /// <summary>Whether the activity came from a file upload (imported GPX/TCX or <c>POST /upload-service/upload</c>) rather than a synced device.</summary>
    public bool IsUploaded { get; init; }

    /// <summary>Whether its list entry uses the 2018/2021 shape (nulls present, <c>elapsedDuration</c> in ms, elevations in cm).</summary>
    public bool UsesLegacyJson { get; init; }

    /// <summary>Whether this is a multisport parent.</summary>
    public bool IsMultisportParent => ChildIds.Count > 0;

    /// <summary>Calories (kcal).</summary>
    public double? Calories { get; init; }

    /// <summary>Average heart rate (bpm), when recorded.</summary>
    public double? AverageHeartRate { get; init; }

    /// <summary>Maximum heart rate (bpm), when recorded.</summary>
    public double? MaxHeartRate { get; init; }

    /// <summary>Elevation gain (m), outdoors only.</summary>
    public double? ElevationGain { get; init; }

    /// <summary>Elevation loss (m), outdoors only.</summary>
    public double? ElevationLoss { get; init; }

    /// <summary>Lowest elevation (m; the old list shape writes centimetres).</summary>
    public double? MinElevation { get; init; }

    /// <summary>Highest elevation (m; the old list shape writes centimetres).</summary>
    public double? MaxElevation { get; init; }

    /// <summary>Average speed (m/s).</summary>
    public double? AverageSpeed { get; init; }

    /// <summary>Maximum speed (m/s).</summary>
    public double? MaxSpeed { get; init; }

    /// <summary>Steps, for foot activities.</summary>
    public int? Steps { get; init; }

    /// <summary>Start latitude (degrees), with GPS only.</summary>
    public double? StartLatitude { get; init; }

    /// <summary>Start longitude (degrees), with GPS only.</summary>
    public double? StartLongitude { get; init; }

    /// <summary>The recording device's unit id (<c>deviceId</c>: a number in the list, a string in the summary); <see langword="null"/> without a device.</summary>
    public long? DeviceId { get; init; }

    /// <summary>The device's application installation id, the key of <c>/device-service/deviceservice/app-info/{id}</c>.</summary>
    public long? DeviceApplicationInstallationId { get; init; }

    /// <summary>Selects the generated track, samples and file bytes.</summary>
    internal ulong Seed { get; init; }

    /// <summary>The uploaded file's bytes, for activities created by the upload route.</summary>
    internal ReadOnlyMemory<byte>? UploadedFile { get; init; }
}
