using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>Gear as the athlete and activity list it.</summary>
public record StravaSummaryGear
{
    /// <summary><c>b…</c> for bikes, <c>g…</c> for shoes.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The default gear.</summary>
    [JsonPropertyName("primary")]
    public bool? Primary { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The nickname.</summary>
    [JsonPropertyName("nickname")]
    public string? Nickname { get; init; }

    /// <summary>The level of detail.</summary>
    [JsonPropertyName("resource_state")]
    public int? ResourceState { get; init; }

    /// <summary>Retired gear (the athlete's lists leave it out; <c>GET /gear/{id}</c> still works).</summary>
    [JsonPropertyName("retired")]
    public bool? Retired { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("distance")]
    public double? Distance { get; init; }

    /// <summary>In the athlete's preferred units.</summary>
    [JsonPropertyName("converted_distance")]
    public double? ConvertedDistance { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
