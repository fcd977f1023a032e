using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>A piece of gear (<c>gear-service/gear/filterGear</c>): shoes, a bike, ...</summary>
public sealed record GarminGear
{
    /// <summary>The gear's numeric id.</summary>
    [JsonPropertyName("gearPk")]
    public long? GearPk { get; init; }

    /// <summary>The gear's UUID (used by the gear-service calls).</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    /// <summary>The owner's user profile id.</summary>
    [JsonPropertyName("userProfilePk")]
    public long? UserProfilePk { get; init; }

    /// <summary>The make.</summary>
    [JsonPropertyName("gearMakeName")]
    public string? GearMakeName { get; init; }

    /// <summary>The model.</summary>
    [JsonPropertyName("gearModelName")]
    public string? GearModelName { get; init; }

    /// <summary><c>Shoes</c>, <c>Bike</c>, ...</summary>
    [JsonPropertyName("gearTypeName")]
    public string? GearTypeName { get; init; }

    /// <summary><c>active</c> or <c>retired</c>.</summary>
    [JsonPropertyName("gearStatusName")]
    public string? GearStatusName { get; init; }

    /// <summary>The name the user gave it.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>The make and model the user typed.</summary>
    [JsonPropertyName("customMakeModel")]
    public string? CustomMakeModel { get; init; }

    /// <summary>The distance after which Garmin warns, in metres.</summary>
    [JsonPropertyName("maximumMeters")]
    public double? MaximumMeters { get; init; }

    /// <summary>When the gear was first used, as sent.</summary>
    [JsonPropertyName("dateBegin")]
    public string? DateBegin { get; init; }

    /// <summary>When it was retired, as sent.</summary>
    [JsonPropertyName("dateEnd")]
    public string? DateEnd { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
