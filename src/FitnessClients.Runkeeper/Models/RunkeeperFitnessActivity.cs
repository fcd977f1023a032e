using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary><c>GET /fitnessActivities/{id}</c>: the whole activity, with its GPS path and samples. Every field may be missing.</summary>
public sealed record RunkeeperFitnessActivity
{
    /// <summary>The activity's URI: its stable id.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }

    /// <summary>The owner's id.</summary>
    [JsonPropertyName("userID")]
    public long? UserId { get; init; }

    /// <summary>The activity type; an open set, kept as text.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The user's own type when <see cref="Type"/> is <c>Other</c>.</summary>
    [JsonPropertyName("secondary_type")]
    public string? SecondaryType { get; init; }

    /// <summary><c>None</c>, <c>Treadmill</c>, <c>Stationary Bike</c>, <c>Elliptical</c> or <c>Row Machine</c>.</summary>
    [JsonPropertyName("equipment")]
    public string? Equipment { get; init; }

    /// <summary>The local wall-clock start, without a zone.</summary>
    [JsonPropertyName("start_time")]
    public DateTime? LocalStartTime { get; init; }

    /// <summary>Hours between local time and UTC (UTC = local − offset); absent in old data.</summary>
    [JsonPropertyName("utc_offset")]
    public double? UtcOffsetHours { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("total_distance")]
    public double? TotalDistance { get; init; }

    /// <summary>Seconds, fractional.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>Beats per minute; absent without a heart-rate monitor.</summary>
    [JsonPropertyName("average_heart_rate")]
    public double? AverageHeartRate { get; init; }

    /// <summary>Heart-rate readings; empty without a monitor.</summary>
    [JsonPropertyName("heart_rate")]
    public IReadOnlyList<RunkeeperHeartRateSample>? HeartRate { get; init; }

    /// <summary>Kilocalories.</summary>
    [JsonPropertyName("total_calories")]
    public double? TotalCalories { get; init; }

    /// <summary>Calorie readings.</summary>
    [JsonPropertyName("calories")]
    public IReadOnlyList<RunkeeperCaloriesSample>? Calories { get; init; }

    /// <summary>Cumulative distance readings.</summary>
    [JsonPropertyName("distance")]
    public IReadOnlyList<RunkeeperDistanceSample>? Distance { get; init; }

    /// <summary>Metres climbed.</summary>
    [JsonPropertyName("climb")]
    public double? Climb { get; init; }

    /// <summary>The user's notes.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Whether the activity is still being recorded (skip it until it ends).</summary>
    [JsonPropertyName("is_live")]
    public bool? IsLive { get; init; }

    /// <summary>The GPS path; empty for manual and stationary activities.</summary>
    [JsonPropertyName("path")]
    public IReadOnlyList<RunkeeperPathPoint>? Path { get; init; }

    /// <summary>The app that last changed the activity.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary><c>API</c> or <c>Web</c>.</summary>
    [JsonPropertyName("entry_mode")]
    public string? EntryMode { get; init; }

    /// <summary><c>outdoor</c> or <c>indoor</c>.</summary>
    [JsonPropertyName("tracking_mode")]
    public string? TrackingMode { get; init; }

    /// <summary>Whether the activity has a GPS path.</summary>
    [JsonPropertyName("has_path")]
    public bool? HasPath { get; init; }

    /// <summary>Who may see the activity: <c>Just Me</c>, <c>Friends</c> (or <c>Street Team</c>), <c>Everyone</c>.</summary>
    [JsonPropertyName("share")]
    public string? Share { get; init; }

    /// <summary>Who may see the map.</summary>
    [JsonPropertyName("share_map")]
    public string? ShareMap { get; init; }

    /// <summary>The activity's page on the website (absolute URL).</summary>
    [JsonPropertyName("activity")]
    public string? Activity { get; init; }

    /// <summary>The comment thread's URI.</summary>
    [JsonPropertyName("comments")]
    public string? Comments { get; init; }

    /// <summary>The previous activity's URI.</summary>
    [JsonPropertyName("previous")]
    public string? Previous { get; init; }

    /// <summary>The next activity's URI.</summary>
    [JsonPropertyName("next")]
    public string? Next { get; init; }

    /// <summary>The start as an instant with its real offset, when <see cref="UtcOffsetHours"/> is known.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartTime => RunkeeperStartTime.Compute(LocalStartTime, UtcOffsetHours, null);

    /// <summary>The numeric id at the end of <see cref="Uri"/>, or <see langword="null"/>.</summary>
    [JsonIgnore]
    public string? Id => RunkeeperStartTime.IdFromUri(Uri);

    /// <summary>Fields this record does not name (images, nearest_* links), kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
