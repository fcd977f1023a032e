using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>A photo or video of an activity (<c>GET /activities/{id}/photos</c>, undocumented).</summary>
public sealed record StravaPhoto
{
    /// <summary>The Strava photo id (a UUID).</summary>
    [JsonPropertyName("unique_id")]
    public string? UniqueId { get; init; }

    /// <summary>The id of legacy Instagram photos.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The owner.</summary>
    [JsonPropertyName("athlete_id")]
    public long? AthleteId { get; init; }

    /// <summary>The activity.</summary>
    [JsonPropertyName("activity_id")]
    public long? ActivityId { get; init; }

    /// <summary>The activity's title.</summary>
    [JsonPropertyName("activity_name")]
    public string? ActivityName { get; init; }

    /// <summary>The caption.</summary>
    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    /// <summary>1 photo, 2 video.</summary>
    [JsonPropertyName("type")]
    public int? Type { get; init; }

    /// <summary>1 Strava, 2 Instagram.</summary>
    [JsonPropertyName("source")]
    public int? Source { get; init; }

    /// <summary>1 photo, 2 video (in the activity's photo summary).</summary>
    [JsonPropertyName("media_type")]
    public int? MediaType { get; init; }

    /// <summary>The processing status.</summary>
    [JsonPropertyName("status")]
    public int? Status { get; init; }

    /// <summary>Uploaded (UTC).</summary>
    [JsonPropertyName("uploaded_at")]
    public DateTimeOffset? UploadedAt { get; init; }

    /// <summary>Taken (UTC).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Taken, local wall clock (its Z is not UTC).</summary>
    [JsonPropertyName("created_at_local")]
    public DateTime? CreatedAtLocal { get; init; }

    /// <summary>Image URLs keyed by size in pixels (a thumbnail for videos).</summary>
    [JsonPropertyName("urls")]
    public IReadOnlyDictionary<string, string>? Urls { get; init; }

    /// <summary>Width and height keyed by requested size.</summary>
    [JsonPropertyName("sizes")]
    public IReadOnlyDictionary<string, IReadOnlyList<int>>? Sizes { get; init; }

    /// <summary>The activity's cover.</summary>
    [JsonPropertyName("default_photo")]
    public bool? DefaultPhoto { get; init; }

    /// <summary>Where it was taken.</summary>
    [JsonPropertyName("location")]
    [JsonConverter(typeof(StravaLatLngConverter))]
    public StravaLatLng? Location { get; init; }

    /// <summary>Video seconds.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>An HLS playlist for videos.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The id to file it under: <see cref="UniqueId"/>, or <see cref="Id"/> for legacy Instagram photos.</summary>
    [JsonIgnore]
    public string? PhotoId => UniqueId ?? Id?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The URL of the largest size listed in <see cref="Urls"/>, or <see langword="null"/>.</summary>
    [JsonIgnore]
    public Uri? LargestUrl => StravaPhotoUrls.Largest(Urls);

    /// <summary>A freshly uploaded photo can point at Strava's placeholder image: not worth saving yet.</summary>
    [JsonIgnore]
    public bool IsPlaceholder => LargestUrl?.AbsolutePath.Contains("placeholder", StringComparison.OrdinalIgnoreCase) == true;

}
