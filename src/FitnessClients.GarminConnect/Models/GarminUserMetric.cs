using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The totals of one activity type in <see cref="GarminUserStatistics"/>.</summary>
public sealed record GarminUserMetric
{
    /// <summary>The type the totals are for (<c>all</c> for everything).</summary>
    [JsonPropertyName("activityType")]
    public GarminActivityType? ActivityType { get; init; }

    /// <summary>Its parent type.</summary>
    [JsonPropertyName("parentActivityType")]
    public GarminActivityType? ParentActivityType { get; init; }

    /// <summary>The number of activities.</summary>
    [JsonPropertyName("totalActivities")]
    public long? TotalActivities { get; init; }

    /// <summary>The total distance as sent.</summary>
    [JsonPropertyName("totalDistance")]
    public double? TotalDistance { get; init; }

    /// <summary>The total duration as sent.</summary>
    [JsonPropertyName("totalDuration")]
    public double? TotalDuration { get; init; }

    /// <summary>The total energy in kcal.</summary>
    [JsonPropertyName("totalCalories")]
    public double? TotalCalories { get; init; }

    /// <summary>The total ascent as sent.</summary>
    [JsonPropertyName("totalElevationGain")]
    public double? TotalElevationGain { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
