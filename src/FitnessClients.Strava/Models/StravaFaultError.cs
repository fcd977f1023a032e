using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>One error of a fault.</summary>
public sealed record StravaFaultError
{
    /// <summary>Like Application.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; init; }

    /// <summary>Like <c>read rate limit</c>.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary>Like exceeded.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }
}
