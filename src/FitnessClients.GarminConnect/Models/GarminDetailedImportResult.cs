using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// What an upload did: one entry in <see cref="Successes"/> when the activity was created at once (its
/// <see cref="GarminImportEntry.InternalId"/> is the new activity id), one in <see cref="Failures"/> for a duplicate
/// (the existing activity's id) or a rejected file, and neither while Garmin is still processing the file.
/// </summary>
public sealed record GarminDetailedImportResult
{
    /// <summary>The upload's id.</summary>
    [JsonPropertyName("uploadId")]
    public long? UploadId { get; init; }

    /// <summary>The upload's UUID (the status URL's last segment, without dashes).</summary>
    [JsonPropertyName("uploadUuid")]
    public GarminUuid? UploadUuid { get; init; }

    /// <summary>The owner's user profile id.</summary>
    [JsonPropertyName("owner")]
    public long? Owner { get; init; }

    /// <summary>The size of the file in bytes.</summary>
    [JsonPropertyName("fileSize")]
    public long? FileSize { get; init; }

    /// <summary>How long Garmin took, in milliseconds.</summary>
    [JsonPropertyName("processingTime")]
    public long? ProcessingTime { get; init; }

    /// <summary>When the upload was received, as sent (<c>2023-09-29 01:58:19.113 GMT</c>).</summary>
    [JsonPropertyName("creationDate")]
    public string? CreationDate { get; init; }

    /// <summary>The uploaded file's name.</summary>
    [JsonPropertyName("fileName")]
    public string? FileName { get; init; }

    /// <summary>The activities created.</summary>
    [JsonPropertyName("successes")]
    public IReadOnlyList<GarminImportEntry>? Successes { get; init; }

    /// <summary>The files refused, with the existing activity for a duplicate.</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<GarminImportEntry>? Failures { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
