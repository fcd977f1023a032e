using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The answer of <c>activitylist-service/activities/count</c>.</summary>
public sealed record GarminActivityCount
{
    /// <summary>The number of activities the list holds.</summary>
    [JsonPropertyName("totalCount")]
    public long? TotalCount { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
