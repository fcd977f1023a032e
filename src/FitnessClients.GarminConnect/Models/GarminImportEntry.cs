using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>One success or failure of an upload.</summary>
public sealed record GarminImportEntry
{
    /// <summary>The activity's id: the new one for a success, the existing one for a duplicate.</summary>
    [JsonPropertyName("internalId")]
    public long? InternalId { get; init; }

    /// <summary>An id from the file, when it has one.</summary>
    [JsonPropertyName("externalId")]
    public string? ExternalId { get; init; }

    /// <summary>Why, for a failure.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<GarminImportMessage>? Messages { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
