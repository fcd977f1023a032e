using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// An activity type: the list's <c>activityType</c>, the summary's <c>activityTypeDTO</c> and the entries of
/// <c>activity-service/activity/activityTypes</c>. <see cref="TypeKey"/> is the stable name (<c>trail_running</c>);
/// <see cref="ParentTypeId"/> groups it (1 running, 2 cycling, 9 walking, 17 all, ...).
/// </summary>
public sealed record GarminActivityType
{
    /// <summary>The numeric id, e.g. <c>6</c>.</summary>
    [JsonPropertyName("typeId")]
    public long? TypeId { get; init; }

    /// <summary>The key, e.g. <c>trail_running</c> or <c>multi_sport</c>; the value the list's <c>activityType</c> filter takes.</summary>
    [JsonPropertyName("typeKey")]
    public string? TypeKey { get; init; }

    /// <summary>The parent type's id, e.g. <c>1</c> (running) for trail running.</summary>
    [JsonPropertyName("parentTypeId")]
    public long? ParentTypeId { get; init; }

    /// <summary>The position in Garmin's menus.</summary>
    [JsonPropertyName("sortOrder")]
    public int? SortOrder { get; init; }

    /// <summary>Whether Garmin hides the type in its pickers.</summary>
    [JsonPropertyName("isHidden")]
    public bool? IsHidden { get; init; }

    /// <summary>Whether the type is restricted.</summary>
    [JsonPropertyName("restricted")]
    public bool? Restricted { get; init; }

    /// <summary>Whether activities of this type can be trimmed.</summary>
    [JsonPropertyName("trimmable")]
    public bool? Trimmable { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
