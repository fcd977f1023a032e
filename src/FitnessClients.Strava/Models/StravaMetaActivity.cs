using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>An activity reference inside a lap.</summary>
public sealed record StravaMetaActivity
{
    /// <summary>The activity id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>Who can see it.</summary>
    [JsonPropertyName("visibility")]
    public StravaVisibility? Visibility { get; init; }

    /// <summary>1 for a reference.</summary>
    [JsonPropertyName("resource_state")]
    public int? ResourceState { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
