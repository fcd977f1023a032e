using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>Time in heart-rate or power zones (<c>GET /activities/{id}/zones</c>).</summary>
public sealed record StravaActivityZone
{
    /// <summary>The zone score.</summary>
    [JsonPropertyName("score")]
    public int? Score { get; init; }

    /// <summary><c>heartrate</c>, <c>power</c> or <c>pace</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Measured rather than estimated.</summary>
    [JsonPropertyName("sensor_based")]
    public bool? SensorBased { get; init; }

    /// <summary>Points.</summary>
    [JsonPropertyName("points")]
    public int? Points { get; init; }

    /// <summary>The athlete set custom zones.</summary>
    [JsonPropertyName("custom_zones")]
    public bool? CustomZones { get; init; }

    /// <summary>The maximum.</summary>
    [JsonPropertyName("max")]
    public int? Max { get; init; }

    /// <summary>Time per zone.</summary>
    [JsonPropertyName("distribution_buckets")]
    public IReadOnlyList<StravaTimedZoneRange>? DistributionBuckets { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
