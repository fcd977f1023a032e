using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// Lifetime totals (<c>userstats-service/statistics/{displayName}</c>). The first metric of type <c>all</c> carries
/// <see cref="GarminUserMetric.TotalActivities"/>, which garmin-connect-export uses for "all activities" (multisport
/// parents are not counted there).
/// </summary>
public sealed record GarminUserStatistics
{
    /// <summary>The user profile id.</summary>
    [JsonPropertyName("userProfileId")]
    public long? UserProfileId { get; init; }

    /// <summary>The start of the period, as sent (absent for lifetime totals).</summary>
    [JsonPropertyName("statisticsStartDate")]
    public string? StatisticsStartDate { get; init; }

    /// <summary>The end of the period, as sent.</summary>
    [JsonPropertyName("statisticsEndDate")]
    public string? StatisticsEndDate { get; init; }

    /// <summary>One set of totals per activity type (<c>all</c> first).</summary>
    [JsonPropertyName("userMetrics")]
    public IReadOnlyList<GarminUserMetric>? UserMetrics { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The number of activities of type <c>all</c> (or of the first metric), when reported.</summary>
    [JsonIgnore]
    public long? TotalActivities =>
        (UserMetrics?.FirstOrDefault(m => string.Equals(m.ActivityType?.TypeKey, "all", StringComparison.OrdinalIgnoreCase))
            ?? (UserMetrics is { Count: > 0 } metrics ? metrics[0] : null))?.TotalActivities;
}
