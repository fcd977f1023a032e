using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>An athlete reference: just the id.</summary>
public sealed record StravaMetaAthlete
{
    /// <summary>The athlete id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>1 for a reference.</summary>
    [JsonPropertyName("resource_state")]
    public int? ResourceState { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
