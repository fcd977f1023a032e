using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>Totals over a period.</summary>
public sealed record StravaActivityTotal
{
    /// <summary>Activities.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("distance")]
    public double? Distance { get; init; }

    /// <summary>Seconds; may arrive as a float.</summary>
    [JsonPropertyName("moving_time")]
    public long? MovingTime { get; init; }

    /// <summary>Seconds; may arrive as a float.</summary>
    [JsonPropertyName("elapsed_time")]
    public long? ElapsedTime { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("elevation_gain")]
    public double? ElevationGain { get; init; }

    /// <summary>Achievements.</summary>
    [JsonPropertyName("achievement_count")]
    public int? AchievementCount { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
