using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The summary's <c>metadataDTO.deviceMetaDataDTO</c>: which device recorded the activity.</summary>
public sealed record GarminDeviceMetadataDto
{
    /// <summary>The device's id as text (Garmin sends a string here and a number in the list; <c>"0"</c> or absent for files without a device).</summary>
    [JsonPropertyName("deviceId")]
    [JsonConverter(typeof(GarminFlexibleStringConverter))]
    public string? DeviceId { get; init; }

    /// <summary>The device model's id.</summary>
    [JsonPropertyName("deviceTypePk")]
    public long? DeviceTypePk { get; init; }

    /// <summary>The firmware's id.</summary>
    [JsonPropertyName("deviceVersionPk")]
    public long? DeviceVersionPk { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
