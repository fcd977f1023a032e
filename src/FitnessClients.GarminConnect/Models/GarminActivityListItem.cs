using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// One entry of the activity list (<c>activitylist-service/activities/search/activities</c>). Every field is optional
/// (Garmin omits nulls since 2026 and sent them before); fields not named here, such as <c>hrTimeInZone_1</c> or
/// <c>maxAvgPower_20</c>, are kept in <see cref="ExtensionData"/>.
/// </summary>
/// <remarks>
/// The computed members (<see cref="StartTime"/>, <see cref="ElapsedTime"/>, the elevations in metres) undo Garmin's
/// quirks: offset-less times and units that changed over the years (see <see cref="GarminTime"/> and
/// <see cref="GarminUnits"/>). They are not serialized.
/// </remarks>
public sealed record GarminActivityListItem
{
    /// <summary>The activity's id (a 64-bit number).</summary>
    [JsonPropertyName("activityId")]
    public long? ActivityId { get; init; }

    /// <summary>The name the user sees; may contain emoji, absent on very old activities.</summary>
    [JsonPropertyName("activityName")]
    public string? ActivityName { get; init; }

    /// <summary>The user's description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The start as the wall clock showed it where the activity happened (no offset).</summary>
    [JsonPropertyName("startTimeLocal")]
    [JsonConverter(typeof(GarminDateTimeConverter))]
    public DateTime? StartTimeLocal { get; init; }

    /// <summary>The start in UTC (no offset in the text).</summary>
    [JsonPropertyName("startTimeGMT")]
    [JsonConverter(typeof(GarminDateTimeConverter))]
    public DateTime? StartTimeGmt { get; init; }

    /// <summary>The end in UTC (2026 data only).</summary>
    [JsonPropertyName("endTimeGMT")]
    [JsonConverter(typeof(GarminDateTimeConverter))]
    public DateTime? EndTimeGmt { get; init; }

    /// <summary>The start in epoch milliseconds, UTC.</summary>
    [JsonPropertyName("beginTimestamp")]
    public long? BeginTimestamp { get; init; }

    /// <summary>The activity type (<c>typeKey</c> e.g. <c>running</c>).</summary>
    [JsonPropertyName("activityType")]
    public GarminActivityType? ActivityType { get; init; }

    /// <summary>The event type.</summary>
    [JsonPropertyName("eventType")]
    public GarminEventType? EventType { get; init; }

    /// <summary>The distance in metres.</summary>
    [JsonPropertyName("distance")]
    public double? Distance { get; init; }

    /// <summary>The timer time in seconds.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>The wall-clock time from start to end, as sent: seconds now, milliseconds in older data. Use <see cref="ElapsedTime"/>.</summary>
    [JsonPropertyName("elapsedDuration")]
    public double? ElapsedDuration { get; init; }

    /// <summary>The moving time in seconds.</summary>
    [JsonPropertyName("movingDuration")]
    public double? MovingDuration { get; init; }

    /// <summary>The ascent in metres.</summary>
    [JsonPropertyName("elevationGain")]
    public double? ElevationGain { get; init; }

    /// <summary>The descent in metres.</summary>
    [JsonPropertyName("elevationLoss")]
    public double? ElevationLoss { get; init; }

    /// <summary>The lowest elevation as sent: metres now, centimetres in older data. Use <see cref="MinElevationMeters"/>.</summary>
    [JsonPropertyName("minElevation")]
    public double? MinElevation { get; init; }

    /// <summary>The highest elevation as sent: metres now, centimetres in older data. Use <see cref="MaxElevationMeters"/>.</summary>
    [JsonPropertyName("maxElevation")]
    public double? MaxElevation { get; init; }

    /// <summary>The average speed in m/s.</summary>
    [JsonPropertyName("averageSpeed")]
    public double? AverageSpeed { get; init; }

    /// <summary>The top speed in m/s.</summary>
    [JsonPropertyName("maxSpeed")]
    public double? MaxSpeed { get; init; }

    /// <summary>The average heart rate in bpm.</summary>
    [JsonPropertyName("averageHR")]
    public double? AverageHeartRate { get; init; }

    /// <summary>The maximum heart rate in bpm.</summary>
    [JsonPropertyName("maxHR")]
    public double? MaxHeartRate { get; init; }

    /// <summary>The energy in kcal.</summary>
    [JsonPropertyName("calories")]
    public double? Calories { get; init; }

    /// <summary>The resting share of <see cref="Calories"/> in kcal.</summary>
    [JsonPropertyName("bmrCalories")]
    public double? BmrCalories { get; init; }

    /// <summary>The step count.</summary>
    [JsonPropertyName("steps")]
    public long? Steps { get; init; }

    /// <summary>The average running cadence in steps per minute.</summary>
    [JsonPropertyName("averageRunningCadenceInStepsPerMinute")]
    public double? AverageRunningCadence { get; init; }

    /// <summary>The highest running cadence in steps per minute.</summary>
    [JsonPropertyName("maxRunningCadenceInStepsPerMinute")]
    public double? MaxRunningCadence { get; init; }

    /// <summary>The average cycling cadence in rpm.</summary>
    [JsonPropertyName("averageBikingCadenceInRevPerMinute")]
    public double? AverageBikingCadence { get; init; }

    /// <summary>The highest cycling cadence in rpm.</summary>
    [JsonPropertyName("maxBikingCadenceInRevPerMinute")]
    public double? MaxBikingCadence { get; init; }

    /// <summary>The average power in watts.</summary>
    [JsonPropertyName("avgPower")]
    public double? AveragePower { get; init; }

    /// <summary>The highest power in watts.</summary>
    [JsonPropertyName("maxPower")]
    public double? MaxPower { get; init; }

    /// <summary>The normalized power in watts.</summary>
    [JsonPropertyName("normPower")]
    public double? NormalizedPower { get; init; }

    /// <summary>Garmin's aerobic training effect (0 to 5).</summary>
    [JsonPropertyName("aerobicTrainingEffect")]
    public double? AerobicTrainingEffect { get; init; }

    /// <summary>Garmin's anaerobic training effect (0 to 5).</summary>
    [JsonPropertyName("anaerobicTrainingEffect")]
    public double? AnaerobicTrainingEffect { get; init; }

    /// <summary>Garmin's training load.</summary>
    [JsonPropertyName("activityTrainingLoad")]
    public double? ActivityTrainingLoad { get; init; }

    /// <summary>The training effect's label, e.g. <c>AEROBIC_BASE</c>.</summary>
    [JsonPropertyName("trainingEffectLabel")]
    public string? TrainingEffectLabel { get; init; }

    /// <summary>The VO2max estimate.</summary>
    [JsonPropertyName("vO2MaxValue")]
    public double? VO2MaxValue { get; init; }

    /// <summary>The start latitude in degrees; absent for indoor and manual activities.</summary>
    [JsonPropertyName("startLatitude")]
    public double? StartLatitude { get; init; }

    /// <summary>The start longitude in degrees.</summary>
    [JsonPropertyName("startLongitude")]
    public double? StartLongitude { get; init; }

    /// <summary>The end latitude in degrees.</summary>
    [JsonPropertyName("endLatitude")]
    public double? EndLatitude { get; init; }

    /// <summary>The end longitude in degrees.</summary>
    [JsonPropertyName("endLongitude")]
    public double? EndLongitude { get; init; }

    /// <summary>The place name Garmin derived from the start.</summary>
    [JsonPropertyName("locationName")]
    public string? LocationName { get; init; }

    /// <summary>The recording device's id (a number here, a string in the summary).</summary>
    [JsonPropertyName("deviceId")]
    public long? DeviceId { get; init; }

    /// <summary>The device maker, e.g. <c>GARMIN</c>.</summary>
    [JsonPropertyName("manufacturer")]
    public string? Manufacturer { get; init; }

    /// <summary>Garmin's id of the zone the activity was recorded in (the name is in the summary).</summary>
    [JsonPropertyName("timeZoneId")]
    public long? TimeZoneId { get; init; }

    /// <summary>The owner's user profile id.</summary>
    [JsonPropertyName("ownerId")]
    public long? OwnerId { get; init; }

    /// <summary>The owner's display name.</summary>
    [JsonPropertyName("ownerDisplayName")]
    public string? OwnerDisplayName { get; init; }

    /// <summary>The owner's full name.</summary>
    [JsonPropertyName("ownerFullName")]
    public string? OwnerFullName { get; init; }

    /// <summary>Who may see the activity.</summary>
    [JsonPropertyName("privacy")]
    public GarminAccessControlRule? Privacy { get; init; }

    /// <summary>Garmin's sport type id.</summary>
    [JsonPropertyName("sportTypeId")]
    public long? SportTypeId { get; init; }

    /// <summary>The number of laps.</summary>
    [JsonPropertyName("lapCount")]
    public int? LapCount { get; init; }

    /// <summary>Whether the activity has a GPS track.</summary>
    [JsonPropertyName("hasPolyline")]
    public bool? HasPolyline { get; init; }

    /// <summary>Whether the activity has splits.</summary>
    [JsonPropertyName("hasSplits")]
    public bool? HasSplits { get; init; }

    /// <summary>Whether photos are attached.</summary>
    [JsonPropertyName("hasImages")]
    public bool? HasImages { get; init; }

    /// <summary>Whether a video is attached.</summary>
    [JsonPropertyName("hasVideo")]
    public bool? HasVideo { get; init; }

    /// <summary>Whether Garmin has a heat map for it.</summary>
    [JsonPropertyName("hasHeatMap")]
    public bool? HasHeatMap { get; init; }

    /// <summary>Whether this is a multisport parent; its legs are not listed (see <see cref="IsMultisportParent"/>).</summary>
    [JsonPropertyName("parent")]
    public bool? Parent { get; init; }

    /// <summary>The multisport parent's id, on a leg.</summary>
    [JsonPropertyName("parentId")]
    public long? ParentId { get; init; }

    /// <summary>Whether the user entered the activity by hand (no file, no track).</summary>
    [JsonPropertyName("manualActivity")]
    public bool? ManualActivity { get; init; }

    /// <summary>Whether Garmin replaced the elevations with map data.</summary>
    [JsonPropertyName("elevationCorrected")]
    public bool? ElevationCorrected { get; init; }

    /// <summary>Whether Garmin computed the calories.</summary>
    [JsonPropertyName("autoCalcCalories")]
    public bool? AutoCalcCalories { get; init; }

    /// <summary>Whether the user marked it as a favourite.</summary>
    [JsonPropertyName("favorite")]
    public bool? Favorite { get; init; }

    /// <summary>Whether it holds a personal record.</summary>
    [JsonPropertyName("pr")]
    public bool? PersonalRecord { get; init; }

    /// <summary>Garmin's purposeful flag.</summary>
    [JsonPropertyName("purposeful")]
    public bool? Purposeful { get; init; }

    /// <summary>Whether it belongs to an adaptive training plan.</summary>
    [JsonPropertyName("atpActivity")]
    public bool? AtpActivity { get; init; }

    /// <summary>The lowest temperature in °C.</summary>
    [JsonPropertyName("minTemperature")]
    public double? MinTemperature { get; init; }

    /// <summary>The highest temperature in °C.</summary>
    [JsonPropertyName("maxTemperature")]
    public double? MaxTemperature { get; init; }

    /// <summary>The workout it followed.</summary>
    [JsonPropertyName("workoutId")]
    public long? WorkoutId { get; init; }

    /// <summary>Garmin's split summaries (<c>noOfSplits</c>, <c>splitType</c>, ...), kept as sent.</summary>
    [JsonPropertyName("splitSummaries")]
    public IReadOnlyList<JsonElement>? SplitSummaries { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The start with the local offset of where it happened (local − GMT), or UTC when the local time is missing.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartTime => GarminTime.GetStartTime(StartTimeLocal, StartTimeGmt, BeginTimestamp);

    /// <summary>The elapsed time, whichever unit <see cref="ElapsedDuration"/> was sent in.</summary>
    [JsonIgnore]
    public TimeSpan? ElapsedTime => GarminUnits.ToElapsedTime(ElapsedDuration, Duration, MovingDuration);

    /// <summary>The moving time.</summary>
    [JsonIgnore]
    public TimeSpan? MovingTime => GarminUnits.Seconds(MovingDuration);

    /// <summary>Whether <see cref="MinElevation"/> and <see cref="MaxElevation"/> were sent in centimetres (older data).</summary>
    [JsonIgnore]
    public bool ElevationInCentimeters =>
        GarminUnits.IsElevationInCentimeters(
            ElapsedDuration is { } elapsed && GarminUnits.IsElapsedInMilliseconds(elapsed, Duration, MovingDuration),
            MinElevation,
            MaxElevation);

    /// <summary>The lowest elevation in metres.</summary>
    [JsonIgnore]
    public double? MinElevationMeters => ElevationInCentimeters ? MinElevation / 100 : MinElevation;

    /// <summary>The highest elevation in metres.</summary>
    [JsonIgnore]
    public double? MaxElevationMeters => ElevationInCentimeters ? MaxElevation / 100 : MaxElevation;

    /// <summary>Whether this is a multisport parent (<c>parent: true</c> or type <c>multi_sport</c>), whose legs the list leaves out.</summary>
    [JsonIgnore]
    public bool IsMultisportParent =>
        Parent == true || string.Equals(ActivityType?.TypeKey, GarminActivityTypes.MultiSport, StringComparison.OrdinalIgnoreCase);
}
