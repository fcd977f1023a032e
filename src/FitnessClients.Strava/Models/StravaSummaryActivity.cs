using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>An activity as the athlete's list returns it (<c>resource_state</c> 2). Every field may be missing.</summary>
public record StravaSummaryActivity
{
    /// <summary>The activity id; above 2^31 for recent activities.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>1 meta, 2 summary, 3 detail.</summary>
    [JsonPropertyName("resource_state")]
    public int? ResourceState { get; init; }

    /// <summary>The owner.</summary>
    [JsonPropertyName("athlete")]
    public StravaMetaAthlete? Athlete { get; init; }

    /// <summary>The title; may hold emoji.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("distance")]
    public double? Distance { get; init; }

    /// <summary>Seconds in motion.</summary>
    [JsonPropertyName("moving_time")]
    public int? MovingTime { get; init; }

    /// <summary>Seconds from start to end.</summary>
    [JsonPropertyName("elapsed_time")]
    public int? ElapsedTime { get; init; }

    /// <summary>Metres climbed.</summary>
    [JsonPropertyName("total_elevation_gain")]
    public double? TotalElevationGain { get; init; }

    /// <summary>The deprecated coarse type; prefer SportType.</summary>
    [JsonPropertyName("type")]
    public StravaActivityType? Type { get; init; }

    /// <summary>The sport (since 2022); unknown values keep their text.</summary>
    [JsonPropertyName("sport_type")]
    public StravaSportType? SportType { get; init; }

    /// <summary>Run 0 default, 1 race, 2 long run, 3 workout; rides 10-12.</summary>
    [JsonPropertyName("workout_type")]
    public int? WorkoutType { get; init; }

    /// <summary>The start in UTC (hidden start times are midnight + 1 s).</summary>
    [JsonPropertyName("start_date")]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The local wall-clock start: Strava writes a Z after it, but it is not UTC.</summary>
    [JsonPropertyName("start_date_local")]
    public DateTime? StartDateLocal { get; init; }

    /// <summary>Like <c>(GMT-05:00) America/New_York</c>; the GMT prefix ignores daylight saving time.</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    /// <summary>The offset at the start in seconds (daylight saving time included); arrives as a float.</summary>
    [JsonPropertyName("utc_offset")]
    public double? UtcOffset { get; init; }

    /// <summary>Usually null nowadays.</summary>
    [JsonPropertyName("location_city")]
    public string? LocationCity { get; init; }

    /// <summary>Usually null nowadays.</summary>
    [JsonPropertyName("location_state")]
    public string? LocationState { get; init; }

    /// <summary>Sometimes set.</summary>
    [JsonPropertyName("location_country")]
    public string? LocationCountry { get; init; }

    /// <summary>Achievements earned.</summary>
    [JsonPropertyName("achievement_count")]
    public int? AchievementCount { get; init; }

    /// <summary>Kudos received.</summary>
    [JsonPropertyName("kudos_count")]
    public int? KudosCount { get; init; }

    /// <summary>Comments.</summary>
    [JsonPropertyName("comment_count")]
    public int? CommentCount { get; init; }

    /// <summary>Athletes in the group activity.</summary>
    [JsonPropertyName("athlete_count")]
    public int? AthleteCount { get; init; }

    /// <summary>Instagram photos only; see TotalPhotoCount.</summary>
    [JsonPropertyName("photo_count")]
    public int? PhotoCount { get; init; }

    /// <summary>Strava and Instagram photos.</summary>
    [JsonPropertyName("total_photo_count")]
    public int? TotalPhotoCount { get; init; }

    /// <summary>Personal records.</summary>
    [JsonPropertyName("pr_count")]
    public int? PrCount { get; init; }

    /// <summary>The route polylines; empty or null without GPS.</summary>
    [JsonPropertyName("map")]
    public StravaMap? Map { get; init; }

    /// <summary>Recorded on a trainer.</summary>
    [JsonPropertyName("trainer")]
    public bool? Trainer { get; init; }

    /// <summary>Marked as a commute.</summary>
    [JsonPropertyName("commute")]
    public bool? Commute { get; init; }

    /// <summary>Entered by hand: no streams, no file.</summary>
    [JsonPropertyName("manual")]
    public bool? Manual { get; init; }

    /// <summary>Use Visibility instead.</summary>
    [JsonPropertyName("private")]
    public bool? Private { get; init; }

    /// <summary>Flagged by others.</summary>
    [JsonPropertyName("flagged")]
    public bool? Flagged { get; init; }

    /// <summary>Who can see it.</summary>
    [JsonPropertyName("visibility")]
    public StravaVisibility? Visibility { get; init; }

    /// <summary>The gear used (<c>b…</c> bike, <c>g…</c> shoes).</summary>
    [JsonPropertyName("gear_id")]
    public string? GearId { get; init; }

    /// <summary>The start point; absent when Strava sends [] or null.</summary>
    [JsonPropertyName("start_latlng")]
    [JsonConverter(typeof(StravaLatLngConverter))]
    public StravaLatLng? StartLatLng { get; init; }

    /// <summary>The end point; absent when Strava sends [] or null.</summary>
    [JsonPropertyName("end_latlng")]
    [JsonConverter(typeof(StravaLatLngConverter))]
    public StravaLatLng? EndLatLng { get; init; }

    /// <summary>Metres per second.</summary>
    [JsonPropertyName("average_speed")]
    public double? AverageSpeed { get; init; }

    /// <summary>Metres per second.</summary>
    [JsonPropertyName("max_speed")]
    public double? MaxSpeed { get; init; }

    /// <summary>Cadence (rpm or spm/2).</summary>
    [JsonPropertyName("average_cadence")]
    public double? AverageCadence { get; init; }

    /// <summary>Beats per minute.</summary>
    [JsonPropertyName("average_heartrate")]
    public double? AverageHeartrate { get; init; }

    /// <summary>Beats per minute.</summary>
    [JsonPropertyName("max_heartrate")]
    public double? MaxHeartrate { get; init; }

    /// <summary>A heart-rate stream exists.</summary>
    [JsonPropertyName("has_heartrate")]
    public bool? HasHeartrate { get; init; }

    /// <summary>Watts.</summary>
    [JsonPropertyName("average_watts")]
    public double? AverageWatts { get; init; }

    /// <summary>Watts.</summary>
    [JsonPropertyName("weighted_average_watts")]
    public double? WeightedAverageWatts { get; init; }

    /// <summary>Watts.</summary>
    [JsonPropertyName("max_watts")]
    public double? MaxWatts { get; init; }

    /// <summary>Work done.</summary>
    [JsonPropertyName("kilojoules")]
    public double? Kilojoules { get; init; }

    /// <summary>Power came from a meter rather than an estimate.</summary>
    [JsonPropertyName("device_watts")]
    public bool? DeviceWatts { get; init; }

    /// <summary>Degrees Celsius.</summary>
    [JsonPropertyName("average_temp")]
    public double? AverageTemp { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("elev_high")]
    public double? ElevHigh { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("elev_low")]
    public double? ElevLow { get; init; }

    /// <summary>Relative effort; arrives as a float.</summary>
    [JsonPropertyName("suffer_score")]
    public double? SufferScore { get; init; }

    /// <summary>The upload it came from; null for manual activities.</summary>
    [JsonPropertyName("upload_id")]
    public long? UploadId { get; init; }

    /// <summary>The upload id as text.</summary>
    [JsonPropertyName("upload_id_str")]
    public string? UploadIdStr { get; init; }

    /// <summary>The uploaded file name or device id; useful to find duplicates.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; init; }

    /// <summary>The recording device (in summaries since late 2025).</summary>
    [JsonPropertyName("device_name")]
    public string? DeviceName { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// The real local start: <see cref="StartDate"/> with the offset Strava reports. <see cref="UtcOffset"/> wins;
    /// otherwise the offset is the gap between <see cref="StartDateLocal"/> and <see cref="StartDate"/>, because the
    /// <see cref="Timezone"/> prefix ignores daylight saving time. <see langword="null"/> without a start date.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? StartTime => StravaStartTime.Compute(StartDate, StartDateLocal, UtcOffset);

    /// <summary>Whether a GPS track is likely: a polyline or a start point, and not entered by hand.</summary>
    [JsonIgnore]
    public bool HasGpsTrack => Manual != true && (!string.IsNullOrEmpty(Map?.SummaryPolyline) || !string.IsNullOrEmpty(Map?.Polyline) || StartLatLng is not null);

}
