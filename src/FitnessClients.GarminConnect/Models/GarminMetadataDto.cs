using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The summary's <c>metadataDTO</c>: the original file, the device, multisport legs and flags.</summary>
public sealed record GarminMetadataDto
{
    /// <summary>Whether the stored file is the one the device or user uploaded.</summary>
    [JsonPropertyName("isOriginal")]
    public bool? IsOriginal { get; init; }

    /// <summary>The id to pass to the device app-info call (<c>device-service/deviceservice/app-info/{id}</c>).</summary>
    [JsonPropertyName("deviceApplicationInstallationId")]
    public long? DeviceApplicationInstallationId { get; init; }

    /// <summary>The uploading application's installation id.</summary>
    [JsonPropertyName("agentApplicationInstallationId")]
    public long? AgentApplicationInstallationId { get; init; }

    /// <summary>The uploading agent's name.</summary>
    [JsonPropertyName("agentString")]
    public string? AgentString { get; init; }

    /// <summary>The original file's format (<c>fit</c>, <c>gpx</c>, <c>tcx</c>).</summary>
    [JsonPropertyName("fileFormat")]
    public GarminFileFormat? FileFormat { get; init; }

    /// <summary>The course the activity followed.</summary>
    [JsonPropertyName("associatedCourseId")]
    public long? AssociatedCourseId { get; init; }

    /// <summary>When the activity was last changed (Garmin's server time, no offset).</summary>
    [JsonPropertyName("lastUpdateDate")]
    [JsonConverter(typeof(GarminDateTimeConverter))]
    public DateTime? LastUpdateDate { get; init; }

    /// <summary>When the activity was uploaded (Garmin's server time, no offset).</summary>
    [JsonPropertyName("uploadedDate")]
    [JsonConverter(typeof(GarminDateTimeConverter))]
    public DateTime? UploadedDate { get; init; }

    /// <summary>Whether the activity has a GPS track.</summary>
    [JsonPropertyName("hasPolyline")]
    public bool? HasPolyline { get; init; }

    /// <summary>Whether the details call has samples.</summary>
    [JsonPropertyName("hasChartData")]
    public bool? HasChartData { get; init; }

    /// <summary>Whether heart-rate zones are available.</summary>
    [JsonPropertyName("hasHrTimeInZones")]
    public bool? HasHrTimeInZones { get; init; }

    /// <summary>Whether power zones are available.</summary>
    [JsonPropertyName("hasPowerTimeInZones")]
    public bool? HasPowerTimeInZones { get; init; }

    /// <summary>Whether splits are available.</summary>
    [JsonPropertyName("hasSplits")]
    public bool? HasSplits { get; init; }

    /// <summary>The owner (<c>userProfilePk</c>, <c>displayname</c>, <c>fullname</c>, ...), kept as sent.</summary>
    [JsonPropertyName("userInfoDto")]
    public JsonElement? UserInfo { get; init; }

    /// <summary>A multisport parent's legs, in order.</summary>
    [JsonPropertyName("childIds")]
    public IReadOnlyList<long>? ChildIds { get; init; }

    /// <summary>The type keys of <see cref="ChildIds"/>, e.g. <c>cycling</c>, <c>transition</c>.</summary>
    [JsonPropertyName("childActivityTypes")]
    public IReadOnlyList<string>? ChildActivityTypes { get; init; }

    /// <summary>The sensors that recorded data, kept as sent.</summary>
    [JsonPropertyName("sensors")]
    public IReadOnlyList<JsonElement>? Sensors { get; init; }

    /// <summary>The device maker.</summary>
    [JsonPropertyName("manufacturer")]
    public string? Manufacturer { get; init; }

    /// <summary>The number of laps.</summary>
    [JsonPropertyName("lapCount")]
    public int? LapCount { get; init; }

    /// <summary>The workout the activity followed.</summary>
    [JsonPropertyName("associatedWorkoutId")]
    public long? AssociatedWorkoutId { get; init; }

    /// <summary>The recording device.</summary>
    [JsonPropertyName("deviceMetaDataDTO")]
    public GarminDeviceMetadataDto? DeviceMetadata { get; init; }

    /// <summary>Whether Garmin replaced the elevations with map data.</summary>
    [JsonPropertyName("elevationCorrected")]
    public bool? ElevationCorrected { get; init; }

    /// <summary>Whether the user entered the activity by hand (no file, no track).</summary>
    [JsonPropertyName("manualActivity")]
    public bool? ManualActivity { get; init; }

    /// <summary>Whether Garmin computed the calories.</summary>
    [JsonPropertyName("autoCalcCalories")]
    public bool? AutoCalcCalories { get; init; }

    /// <summary>Whether the user marked it as a favourite.</summary>
    [JsonPropertyName("favorite")]
    public bool? Favorite { get; init; }

    /// <summary>Whether it holds a personal record.</summary>
    [JsonPropertyName("personalRecord")]
    public bool? PersonalRecord { get; init; }

    /// <summary>Whether the user trimmed it.</summary>
    [JsonPropertyName("trimmed")]
    public bool? Trimmed { get; init; }

    /// <summary>Whether coordinates are in China's GCJ-02 system (garmin.cn).</summary>
    [JsonPropertyName("gcj02")]
    public bool? Gcj02 { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
