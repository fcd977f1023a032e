using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>Strava's error body.</summary>
public sealed record StravaFault
{
    /// <summary>Like Rate Limit Exceeded.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The details.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<StravaFaultError>? Errors { get; init; }
}
