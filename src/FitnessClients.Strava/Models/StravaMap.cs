using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>The route of an activity as Google encoded polylines.</summary>
public sealed record StravaMap
{
    /// <summary>Like <c>a16181809559</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Full resolution (details only); empty or null without GPS.</summary>
    [JsonPropertyName("polyline")]
    public string? Polyline { get; init; }

    /// <summary>Reduced resolution; empty or null without GPS.</summary>
    [JsonPropertyName("summary_polyline")]
    public string? SummaryPolyline { get; init; }

    /// <summary>The level of detail.</summary>
    [JsonPropertyName("resource_state")]
    public int? ResourceState { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
