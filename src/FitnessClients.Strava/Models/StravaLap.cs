using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>A lap (<c>GET /activities/{id}/laps</c>).</summary>
public sealed record StravaLap
{
    /// <summary>The lap id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The level of detail.</summary>
    [JsonPropertyName("resource_state")]
    public int? ResourceState { get; init; }

    /// <summary>Like Lap 1.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The activity.</summary>
    [JsonPropertyName("activity")]
    public StravaMetaActivity? Activity { get; init; }

    /// <summary>The athlete.</summary>
    [JsonPropertyName("athlete")]
    public StravaMetaAthlete? Athlete { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("elapsed_time")]
    public int? ElapsedTime { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("moving_time")]
    public int? MovingTime { get; init; }

    /// <summary>UTC start.</summary>
    [JsonPropertyName("start_date")]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Local wall-clock start (its Z is not UTC).</summary>
    [JsonPropertyName("start_date_local")]
    public DateTime? StartDateLocal { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("distance")]
    public double? Distance { get; init; }

    /// <summary>Metres per second.</summary>
    [JsonPropertyName("average_speed")]
    public double? AverageSpeed { get; init; }

    /// <summary>Metres per second.</summary>
    [JsonPropertyName("max_speed")]
    public double? MaxSpeed { get; init; }

    /// <summary>1-based.</summary>
    [JsonPropertyName("lap_index")]
    public int? LapIndex { get; init; }

    /// <summary>The split number.</summary>
    [JsonPropertyName("split")]
    public int? Split { get; init; }

    /// <summary>First index into the streams.</summary>
    [JsonPropertyName("start_index")]
    public int? StartIndex { get; init; }

    /// <summary>Last index into the streams.</summary>
    [JsonPropertyName("end_index")]
    public int? EndIndex { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("total_elevation_gain")]
    public double? TotalElevationGain { get; init; }

    /// <summary>Cadence.</summary>
    [JsonPropertyName("average_cadence")]
    public double? AverageCadence { get; init; }

    /// <summary>Power from a meter.</summary>
    [JsonPropertyName("device_watts")]
    public bool? DeviceWatts { get; init; }

    /// <summary>Watts.</summary>
    [JsonPropertyName("average_watts")]
    public double? AverageWatts { get; init; }

    /// <summary>Beats per minute.</summary>
    [JsonPropertyName("average_heartrate")]
    public double? AverageHeartrate { get; init; }

    /// <summary>Beats per minute.</summary>
    [JsonPropertyName("max_heartrate")]
    public double? MaxHeartrate { get; init; }

    /// <summary>The pace zone.</summary>
    [JsonPropertyName("pace_zone")]
    public int? PaceZone { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
