using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// The summary's <c>timeZoneUnitDTO</c>: the IANA name of the zone the activity was recorded in. It carries no
/// offset; <see cref="GarminTime"/> derives the offset from the local and GMT start times instead.
/// </summary>
public sealed record GarminTimeZoneUnit
{
    /// <summary>Garmin's zone id (the list's <c>timeZoneId</c>).</summary>
    [JsonPropertyName("unitId")]
    public long? UnitId { get; init; }

    /// <summary>The zone's key, normally the IANA name.</summary>
    [JsonPropertyName("unitKey")]
    public string? UnitKey { get; init; }

    /// <summary>A factor Garmin sends as 0.</summary>
    [JsonPropertyName("factor")]
    public double? Factor { get; init; }

    /// <summary>The IANA zone name, e.g. <c>Europe/Paris</c>.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
