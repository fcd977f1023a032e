using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// The laps and events of an activity (<c>activity-service/activity/{id}/splits</c>). The lap objects vary by sport
/// and are kept as sent.
/// </summary>
public sealed record GarminActivitySplits
{
    /// <summary>The activity's id.</summary>
    [JsonPropertyName("activityId")]
    public long? ActivityId { get; init; }

    /// <summary>The laps, kept as sent.</summary>
    [JsonPropertyName("lapDTOs")]
    public IReadOnlyList<JsonElement>? Laps { get; init; }

    /// <summary>The timer events, kept as sent.</summary>
    [JsonPropertyName("eventDTOs")]
    public IReadOnlyList<JsonElement>? Events { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
