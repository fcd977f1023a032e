using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>A heart-rate reading of an activity.</summary>
public sealed record RunkeeperHeartRateSample
{
    /// <summary>Seconds since the start.</summary>
    [JsonPropertyName("timestamp")]
    public double? Timestamp { get; init; }

    /// <summary>Beats per minute.</summary>
    [JsonPropertyName("heart_rate")]
    public double? HeartRate { get; init; }
}
