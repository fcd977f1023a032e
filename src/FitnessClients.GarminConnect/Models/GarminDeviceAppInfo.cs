using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// The device that recorded an activity (<c>device-service/deviceservice/app-info/{id}</c>, with the summary's
/// <see cref="GarminMetadataDto.DeviceApplicationInstallationId"/>).
/// </summary>
public sealed record GarminDeviceAppInfo
{
    /// <summary>The device family, e.g. <c>fenix5</c>.</summary>
    [JsonPropertyName("applicationKey")]
    public string? ApplicationKey { get; init; }

    /// <summary>Garmin's part number.</summary>
    [JsonPropertyName("partNumber")]
    public string? PartNumber { get; init; }

    /// <summary>The product name, e.g. <c>fēnix 5</c>.</summary>
    [JsonPropertyName("productDisplayName")]
    public string? ProductDisplayName { get; init; }

    /// <summary>The SKU.</summary>
    [JsonPropertyName("productSku")]
    public string? ProductSku { get; init; }

    /// <summary>A product picture.</summary>
    [JsonPropertyName("imageUrl")]
    public string? ImageUrl { get; init; }

    /// <summary>The firmware version, e.g. <c>10.0.0.0</c>.</summary>
    [JsonPropertyName("versionString")]
    public string? VersionString { get; init; }

    /// <summary>Whether it is the user's primary device.</summary>
    [JsonPropertyName("primary")]
    public bool? Primary { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
