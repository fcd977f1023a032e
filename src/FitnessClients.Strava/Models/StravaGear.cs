using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>One piece of gear (<c>GET /gear/{id}</c>).</summary>
public sealed record StravaGear : StravaSummaryGear
{
    /// <summary>The brand.</summary>
    [JsonPropertyName("brand_name")]
    public string? BrandName { get; init; }

    /// <summary>The model.</summary>
    [JsonPropertyName("model_name")]
    public string? ModelName { get; init; }

    /// <summary>Bikes: 1 mountain, 2 cross, 3 road, 4 time trial, 5 gravel.</summary>
    [JsonPropertyName("frame_type")]
    public int? FrameType { get; init; }

    /// <summary>The athlete's description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Kilograms (bikes).</summary>
    [JsonPropertyName("weight")]
    public double? Weight { get; init; }

    /// <summary>The distance alert, in the athlete's units.</summary>
    [JsonPropertyName("notification_distance")]
    public double? NotificationDistance { get; init; }
}
