using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// The signed-in user's public profile (<c>userprofile-service/socialProfile</c>). <see cref="DisplayName"/> is the
/// key of the statistics call; <see cref="ProfileId"/> is the <c>userProfilePk</c> of the gear calls.
/// </summary>
public sealed record GarminSocialProfile
{
    /// <summary>The social profile's own id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The user profile id (<c>userProfilePk</c>, <c>ownerId</c> in the list).</summary>
    [JsonPropertyName("profileId")]
    public long? ProfileId { get; init; }

    /// <summary>The account's GUID.</summary>
    [JsonPropertyName("garminGUID")]
    public string? GarminGuid { get; init; }

    /// <summary>The display name, used in URLs such as <c>userstats-service/statistics/{displayName}</c>.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>The full name.</summary>
    [JsonPropertyName("fullName")]
    public string? FullName { get; init; }

    /// <summary>The user name.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; init; }

    /// <summary>The large profile picture.</summary>
    [JsonPropertyName("profileImageUrlLarge")]
    public string? ProfileImageUrlLarge { get; init; }

    /// <summary>The medium profile picture.</summary>
    [JsonPropertyName("profileImageUrlMedium")]
    public string? ProfileImageUrlMedium { get; init; }

    /// <summary>The small profile picture.</summary>
    [JsonPropertyName("profileImageUrlSmall")]
    public string? ProfileImageUrlSmall { get; init; }

    /// <summary>The location the user entered.</summary>
    [JsonPropertyName("location")]
    public string? Location { get; init; }

    /// <summary>Garmin's badge level.</summary>
    [JsonPropertyName("userLevel")]
    public int? UserLevel { get; init; }

    /// <summary>Garmin's badge points.</summary>
    [JsonPropertyName("userPoint")]
    public int? UserPoint { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
