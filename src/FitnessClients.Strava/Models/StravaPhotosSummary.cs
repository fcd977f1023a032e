using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>The photo summary inside a detailed activity.</summary>
public sealed record StravaPhotosSummary
{
    /// <summary>The cover photo, with a few small URLs.</summary>
    [JsonPropertyName("primary")]
    public StravaPhoto? Primary { get; init; }

    /// <summary>Whether the cover is shown.</summary>
    [JsonPropertyName("use_primary_photo")]
    public bool? UsePrimaryPhoto { get; init; }

    /// <summary>The number of photos.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
