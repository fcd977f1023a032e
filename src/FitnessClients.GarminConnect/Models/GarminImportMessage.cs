using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>A message of an upload entry, e.g. code 202 "Duplicate Activity."</summary>
public sealed record GarminImportMessage
{
    /// <summary>Garmin's code.</summary>
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    /// <summary>The text.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
