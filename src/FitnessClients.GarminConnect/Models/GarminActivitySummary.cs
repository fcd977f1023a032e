using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// One activity as <c>activity-service/activity/{id}</c> returns it: the <c>*DTO</c> objects around the measurements.
/// A separate record from <see cref="GarminActivityListItem"/> because the two shapes differ in names
/// (<c>activityTypeDTO</c> vs <c>activityType</c>), nesting (<c>summaryDTO</c>) and time format.
/// </summary>
public sealed record GarminActivitySummary
{
    /// <summary>The activity's id.</summary>
    [JsonPropertyName("activityId")]
    public long? ActivityId { get; init; }

    /// <summary>The activity's UUID.</summary>
    [JsonPropertyName("activityUUID")]
    public GarminUuid? ActivityUuid { get; init; }

    /// <summary>The name the user sees.</summary>
    [JsonPropertyName("activityName")]
    public string? ActivityName { get; init; }

    /// <summary>The user's description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The owner's user profile id.</summary>
    [JsonPropertyName("userProfileId")]
    public long? UserProfileId { get; init; }

    /// <summary>Whether this is a multisport parent; its legs are in <see cref="GarminMetadataDto.ChildIds"/>.</summary>
    [JsonPropertyName("isMultiSportParent")]
    public bool? IsMultiSportParent { get; init; }

    /// <summary>The multisport parent's id, on a leg.</summary>
    [JsonPropertyName("parentId")]
    public long? ParentId { get; init; }

    /// <summary>The activity type (the list calls it <c>activityType</c>).</summary>
    [JsonPropertyName("activityTypeDTO")]
    public GarminActivityType? ActivityType { get; init; }

    /// <summary>The event type.</summary>
    [JsonPropertyName("eventTypeDTO")]
    public GarminEventType? EventType { get; init; }

    /// <summary>Who may see the activity (the list calls it <c>privacy</c>).</summary>
    [JsonPropertyName("accessControlRuleDTO")]
    public GarminAccessControlRule? AccessControlRule { get; init; }

    /// <summary>The zone the activity was recorded in (its name only).</summary>
    [JsonPropertyName("timeZoneUnitDTO")]
    public GarminTimeZoneUnit? TimeZoneUnit { get; init; }

    /// <summary>File, device and multisport facts.</summary>
    [JsonPropertyName("metadataDTO")]
    public GarminMetadataDto? Metadata { get; init; }

    /// <summary>The measurements: times, distance, elevation, heart rate, power, ... Empty now and then (retry once if you need it).</summary>
    [JsonPropertyName("summaryDTO")]
    public GarminSummaryDto? Summary { get; init; }

    /// <summary>The place name Garmin derived from the start.</summary>
    [JsonPropertyName("locationName")]
    public string? LocationName { get; init; }

    /// <summary>Garmin's split summaries, kept as sent.</summary>
    [JsonPropertyName("splitSummaries")]
    public IReadOnlyList<JsonElement>? SplitSummaries { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The start with its local offset (see <see cref="GarminSummaryDto.StartTime"/>).</summary>
    [JsonIgnore]
    public DateTimeOffset? StartTime => Summary?.StartTime;

    /// <summary>The ids of a multisport parent's legs, in order; empty for other activities.</summary>
    [JsonIgnore]
    public IReadOnlyList<long> ChildIds => Metadata?.ChildIds ?? [];
}
