using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>One point of an activity's GPS path.</summary>
public sealed record RunkeeperPathPoint
{
    /// <summary>Seconds since the start.</summary>
    [JsonPropertyName("timestamp")]
    public double? Timestamp { get; init; }

    /// <summary>Degrees.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }

    /// <summary>Degrees.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

    /// <summary>Metres; 0 on every point usually means "no altitude recorded".</summary>
    [JsonPropertyName("altitude")]
    public double? Altitude { get; init; }

    /// <summary><c>start</c>, <c>end</c>, <c>gps</c>, <c>pause</c>, <c>resume</c> or <c>manual</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
