using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>Source-generated metadata for Garmin's wire models; used through <see cref="GarminJson.Options"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GarminSocialProfile))]
[JsonSerializable(typeof(GarminUserSettings))]
[JsonSerializable(typeof(GarminUserStatistics))]
[JsonSerializable(typeof(GarminActivityCount))]
[JsonSerializable(typeof(IReadOnlyList<GarminActivityListItem>))]
[JsonSerializable(typeof(GarminActivitySummary))]
[JsonSerializable(typeof(GarminActivityDetails))]
[JsonSerializable(typeof(GarminActivitySplits))]
[JsonSerializable(typeof(IReadOnlyList<GarminHrTimeInZone>))]
[JsonSerializable(typeof(IReadOnlyList<GarminGear>))]
[JsonSerializable(typeof(GarminDeviceAppInfo))]
[JsonSerializable(typeof(IReadOnlyList<GarminActivityType>))]
[JsonSerializable(typeof(GarminUploadResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class GarminJsonContext : JsonSerializerContext
{
}
