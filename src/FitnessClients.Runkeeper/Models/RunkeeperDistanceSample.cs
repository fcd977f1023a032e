using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>A cumulative distance reading of an activity.</summary>
public sealed record RunkeeperDistanceSample
{
    /// <summary>Seconds since the start.</summary>
    [JsonPropertyName("timestamp")]
    public double? Timestamp { get; init; }

    /// <summary>Metres since the start.</summary>
    [JsonPropertyName("distance")]
    public double? Distance { get; init; }
}
