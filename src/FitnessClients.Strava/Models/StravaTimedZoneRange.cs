using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>Time spent in one zone.</summary>
public sealed record StravaTimedZoneRange
{
    /// <summary>Lower bound.</summary>
    [JsonPropertyName("min")]
    public double? Min { get; init; }

    /// <summary>Upper bound; -1 for open ended.</summary>
    [JsonPropertyName("max")]
    public double? Max { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("time")]
    public double? Time { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
