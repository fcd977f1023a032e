using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>Source-generated JSON metadata for Strava's shapes (trimming and AOT friendly).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StravaAthlete))]
[JsonSerializable(typeof(StravaAthleteStats))]
[JsonSerializable(typeof(IReadOnlyList<StravaSummaryActivity>))]
[JsonSerializable(typeof(StravaDetailedActivity))]
[JsonSerializable(typeof(IReadOnlyList<StravaLap>))]
[JsonSerializable(typeof(StravaStreamSet))]
[JsonSerializable(typeof(StravaStream))]
[JsonSerializable(typeof(IReadOnlyList<StravaActivityZone>))]
[JsonSerializable(typeof(IReadOnlyList<StravaPhoto>))]
[JsonSerializable(typeof(StravaGear))]
[JsonSerializable(typeof(StravaUpload))]
[JsonSerializable(typeof(StravaFault))]
[JsonSerializable(typeof(StravaActivityUpdate))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(IReadOnlyList<JsonElement>))]
internal sealed partial class StravaJsonContext : JsonSerializerContext
{
}
