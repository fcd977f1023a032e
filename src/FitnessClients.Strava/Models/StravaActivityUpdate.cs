using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>The editable fields of an activity (<c>PUT /activities/{id}</c>); null fields are left unchanged.</summary>
public sealed record StravaActivityUpdate
{
    /// <summary>The title.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The sport.</summary>
    [JsonPropertyName("sport_type")]
    public StravaSportType? SportType { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>A commute.</summary>
    [JsonPropertyName("commute")]
    public bool? Commute { get; init; }

    /// <summary>On a trainer.</summary>
    [JsonPropertyName("trainer")]
    public bool? Trainer { get; init; }

    /// <summary>Muted in feeds.</summary>
    [JsonPropertyName("hide_from_home")]
    public bool? HideFromHome { get; init; }

    /// <summary>The gear; <c>none</c> clears it.</summary>
    [JsonPropertyName("gear_id")]
    public string? GearId { get; init; }
}
