using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>One activity with its details (<c>GET /activities/{id}</c>, <c>resource_state</c> 3).</summary>
public sealed record StravaDetailedActivity : StravaSummaryActivity
{
    /// <summary>The description; may be emoji only.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Kilocalories.</summary>
    [JsonPropertyName("calories")]
    public double? Calories { get; init; }

    /// <summary>For embedding.</summary>
    [JsonPropertyName("embed_token")]
    public string? EmbedToken { get; init; }

    /// <summary>Muted in feeds.</summary>
    [JsonPropertyName("hide_from_home")]
    public bool? HideFromHome { get; init; }

    /// <summary>1-10 when the athlete set it.</summary>
    [JsonPropertyName("perceived_exertion")]
    public int? PerceivedExertion { get; init; }

    /// <summary>The gear used.</summary>
    [JsonPropertyName("gear")]
    public StravaSummaryGear? Gear { get; init; }

    /// <summary>A summary of the photos; use the photos endpoint for the list.</summary>
    [JsonPropertyName("photos")]
    public StravaPhotosSummary? Photos { get; init; }

    /// <summary>The laps; null for manual activities.</summary>
    [JsonPropertyName("laps")]
    public IReadOnlyList<StravaLap>? Laps { get; init; }

    /// <summary>Per-kilometre splits, kept raw.</summary>
    [JsonPropertyName("splits_metric")]
    public IReadOnlyList<JsonElement>? SplitsMetric { get; init; }

    /// <summary>Per-mile splits, kept raw.</summary>
    [JsonPropertyName("splits_standard")]
    public IReadOnlyList<JsonElement>? SplitsStandard { get; init; }

    /// <summary>Segment efforts, kept raw.</summary>
    [JsonPropertyName("segment_efforts")]
    public IReadOnlyList<JsonElement>? SegmentEfforts { get; init; }

    /// <summary>Best efforts, kept raw.</summary>
    [JsonPropertyName("best_efforts")]
    public IReadOnlyList<JsonElement>? BestEfforts { get; init; }

    /// <summary>Zone types the zones endpoint has, like heartrate.</summary>
    [JsonPropertyName("available_zones")]
    public IReadOnlyList<string>? AvailableZones { get; init; }

    /// <summary>The athlete's private note.</summary>
    [JsonPropertyName("private_note")]
    public string? PrivateNote { get; init; }
}
