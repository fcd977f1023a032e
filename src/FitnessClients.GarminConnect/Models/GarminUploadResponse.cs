using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The body of <c>upload-service/upload</c>'s answer (202 accepted, 409 duplicate).</summary>
public sealed record GarminUploadResponse
{
    /// <summary>What the import did.</summary>
    [JsonPropertyName("detailedImportResult")]
    public GarminDetailedImportResult? DetailedImportResult { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
