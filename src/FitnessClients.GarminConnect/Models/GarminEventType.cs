using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>An activity's event type (<c>eventType</c> in the list, <c>eventTypeDTO</c> in the summary): race, training, uncategorized, ...</summary>
public sealed record GarminEventType
{
    /// <summary>The numeric id, e.g. <c>9</c>.</summary>
    [JsonPropertyName("typeId")]
    public long? TypeId { get; init; }

    /// <summary>The key, e.g. <c>uncategorized</c>.</summary>
    [JsonPropertyName("typeKey")]
    public string? TypeKey { get; init; }

    /// <summary>The position in Garmin's menus.</summary>
    [JsonPropertyName("sortOrder")]
    public int? SortOrder { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
