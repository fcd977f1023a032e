using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>A calorie reading of an activity.</summary>
public sealed record RunkeeperCaloriesSample
{
    /// <summary>Seconds since the start.</summary>
    [JsonPropertyName("timestamp")]
    public double? Timestamp { get; init; }

    /// <summary>Kilocalories.</summary>
    [JsonPropertyName("calories")]
    public double? Calories { get; init; }
}
