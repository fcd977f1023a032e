using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>
/// <c>GET /user</c>: the user's id and the URIs of every resource. The client takes the feed's URI from here instead
/// of assuming <c>/fitnessActivities</c>. URIs are relative to the API root.
/// </summary>
public sealed record RunkeeperUser
{
    /// <summary>The user's numeric id (the token response does not carry it).</summary>
    [JsonPropertyName("userID")]
    public long? UserId { get; init; }

    /// <summary>The profile resource.</summary>
    [JsonPropertyName("profile")]
    public string? Profile { get; init; }

    /// <summary>The settings resource.</summary>
    [JsonPropertyName("settings")]
    public string? Settings { get; init; }

    /// <summary>The fitness-activity feed, normally <c>/fitnessActivities</c>.</summary>
    [JsonPropertyName("fitness_activities")]
    public string? FitnessActivities { get; init; }

    /// <summary>The strength-training feed.</summary>
    [JsonPropertyName("strength_training_activities")]
    public string? StrengthTrainingActivities { get; init; }

    /// <summary>The background-activity (steps, calories) feed.</summary>
    [JsonPropertyName("background_activities")]
    public string? BackgroundActivities { get; init; }

    /// <summary>The sleep feed.</summary>
    [JsonPropertyName("sleep")]
    public string? Sleep { get; init; }

    /// <summary>The nutrition feed.</summary>
    [JsonPropertyName("nutrition")]
    public string? Nutrition { get; init; }

    /// <summary>The weight feed.</summary>
    [JsonPropertyName("weight")]
    public string? Weight { get; init; }

    /// <summary>The general-measurement feed.</summary>
    [JsonPropertyName("general_measurements")]
    public string? GeneralMeasurements { get; init; }

    /// <summary>The diabetes feed.</summary>
    [JsonPropertyName("diabetes")]
    public string? Diabetes { get; init; }

    /// <summary>Personal records.</summary>
    [JsonPropertyName("records")]
    public string? Records { get; init; }

    /// <summary>The street team.</summary>
    [JsonPropertyName("team")]
    public string? Team { get; init; }

    /// <summary>The change log (newer accounts), which lists deleted activities.</summary>
    [JsonPropertyName("change_log")]
    public string? ChangeLog { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
