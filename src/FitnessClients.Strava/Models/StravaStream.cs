using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>One stream: a value per sample.</summary>
public sealed record StravaStream
{
    /// <summary>The stream type; only in the array form (the keyed form has it as the key).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The samples, kept raw: read them with the typed accessors of StravaStreamSet.</summary>
    [JsonPropertyName("data")]
    public JsonElement Data { get; init; }

    /// <summary><c>distance</c> or <c>time</c>.</summary>
    [JsonPropertyName("series_type")]
    public string? SeriesType { get; init; }

    /// <summary>Samples before any down-sampling.</summary>
    [JsonPropertyName("original_size")]
    public int? OriginalSize { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
