using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>
/// One activity of the feed. Feeds from 2011–2012 carry only <c>uri</c>, <c>type</c>, <c>start_time</c>,
/// <c>total_distance</c> and <c>duration</c>; later ones add the offset, source and whether there is a path.
/// </summary>
public sealed record RunkeeperFeedItem
{
    /// <summary>The activity's URI, e.g. <c>/fitnessActivities/814127003</c>: its stable id.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }

    /// <summary>The activity type (<c>Running</c>, <c>Cycling</c>, ...); an open set, kept as text.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The local wall-clock start where the activity happened, without a zone (<c>Sat, 25 Jun 2016 20:17:23</c>).</summary>
    [JsonPropertyName("start_time")]
    public DateTime? LocalStartTime { get; init; }

    /// <summary>Hours between local time and UTC (UTC = local − offset); absent in old feeds.</summary>
    [JsonPropertyName("utc_offset")]
    public double? UtcOffsetHours { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("total_distance")]
    public double? TotalDistance { get; init; }

    /// <summary>Seconds, fractional.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>Kilocalories.</summary>
    [JsonPropertyName("total_calories")]
    public double? TotalCalories { get; init; }

    /// <summary><c>outdoor</c> (or <c>indoor</c>).</summary>
    [JsonPropertyName("tracking_mode")]
    public string? TrackingMode { get; init; }

    /// <summary><c>API</c> (recorded by an app) or <c>Web</c> (typed in on the website).</summary>
    [JsonPropertyName("entry_mode")]
    public string? EntryMode { get; init; }

    /// <summary>Whether the activity has a GPS path; manual entries do not.</summary>
    [JsonPropertyName("has_path")]
    public bool? HasPath { get; init; }

    /// <summary>The app that created the activity, e.g. <c>RunKeeper</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>The start as an instant with its real offset, when <see cref="UtcOffsetHours"/> is known.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartTime => RunkeeperStartTime.Compute(LocalStartTime, UtcOffsetHours, null);

    /// <summary>The numeric id at the end of <see cref="Uri"/>, or <see langword="null"/>.</summary>
    [JsonIgnore]
    public string? Id => RunkeeperStartTime.IdFromUri(Uri);

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
