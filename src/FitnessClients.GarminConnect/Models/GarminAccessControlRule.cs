using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>Who may see an activity: the list's <c>privacy</c> and the summary's <c>accessControlRuleDTO</c>.</summary>
public sealed record GarminAccessControlRule
{
    /// <summary>The numeric id (1 public, 2 private, 3 subscribers, ...).</summary>
    [JsonPropertyName("typeId")]
    public long? TypeId { get; init; }

    /// <summary>The key, e.g. <c>private</c>, <c>public</c> or <c>subscribers</c>.</summary>
    [JsonPropertyName("typeKey")]
    public string? TypeKey { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
