using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>Time spent in one heart-rate zone (<c>activity-service/activity/{id}/hrTimeInZones</c>, which lists them unordered).</summary>
public sealed record GarminHrTimeInZone
{
    /// <summary>The zone, 1 to 5.</summary>
    [JsonPropertyName("zoneNumber")]
    public int? ZoneNumber { get; init; }

    /// <summary>The time in the zone in seconds.</summary>
    [JsonPropertyName("secsInZone")]
    public double? SecondsInZone { get; init; }

    /// <summary>The zone's lower bound in bpm.</summary>
    [JsonPropertyName("zoneLowBoundary")]
    public int? ZoneLowBoundary { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The time in the zone.</summary>
    [JsonIgnore]
    public TimeSpan? TimeInZone => GarminUnits.Seconds(SecondsInZone);
}
