using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>An upload and its processing state (<c>POST /uploads</c>, <c>GET /uploads/{id}</c>).</summary>
public sealed record StravaUpload
{
    /// <summary>The upload id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The upload id as text.</summary>
    [JsonPropertyName("id_str")]
    public string? IdStr { get; init; }

    /// <summary>The external id sent with the file.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; init; }

    /// <summary>Why processing failed, e.g. <c>… duplicate of activity 8319193780</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>A human text like <c>Your activity is still being processed.</c></summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The created activity once ready.</summary>
    [JsonPropertyName("activity_id")]
    public long? ActivityId { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Processing ended with an activity.</summary>
    [JsonIgnore]
    public bool IsReady => ActivityId is not null && string.IsNullOrEmpty(Error);

    /// <summary>Processing ended without an activity: an error (a duplicate among them), or the activity was deleted.</summary>
    [JsonIgnore]
    public bool IsFailed => !string.IsNullOrEmpty(Error) || Status?.Contains("deleted", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The existing activity when Strava rejected the file as a duplicate, read from <see cref="Error"/>.</summary>
    [JsonIgnore]
    public long? DuplicateOfActivityId => StravaUploadErrors.ParseDuplicateOf(Error);

}
