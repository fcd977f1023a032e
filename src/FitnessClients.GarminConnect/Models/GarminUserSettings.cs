using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The user's settings (<c>userprofile-service/userprofile/user-settings</c>): body data, units, sleep times.</summary>
public sealed record GarminUserSettings
{
    /// <summary>The user profile id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>Body data and preferences.</summary>
    [JsonPropertyName("userData")]
    public GarminUserData? UserData { get; init; }

    /// <summary>Sleep and wake times (seconds after midnight), kept as sent.</summary>
    [JsonPropertyName("userSleep")]
    public JsonElement? UserSleep { get; init; }

    /// <summary>Garmin's connect date, as sent.</summary>
    [JsonPropertyName("connectDate")]
    public string? ConnectDate { get; init; }

    /// <summary>Garmin's source type, as sent.</summary>
    [JsonPropertyName("sourceType")]
    public string? SourceType { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
