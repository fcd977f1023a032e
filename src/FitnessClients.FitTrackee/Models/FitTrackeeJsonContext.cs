using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.FitTrackee.Models;

/// <summary>Source-generated JSON metadata for FitTrackee's shapes (snake_case, lenient reading).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FitTrackeeResponse<FitTrackeeAppConfig>))]
[JsonSerializable(typeof(FitTrackeeResponse<FitTrackeeProfile>))]
[JsonSerializable(typeof(FitTrackeeResponse<FitTrackeeSportsData>))]
[JsonSerializable(typeof(FitTrackeeResponse<FitTrackeeWorkoutsData>))]
[JsonSerializable(typeof(FitTrackeeWorkout))]
[JsonSerializable(typeof(FitTrackeeUploadData))]
[JsonSerializable(typeof(FitTrackeeManualWorkoutBody))]
[JsonSerializable(typeof(FitTrackeeWorkoutUpdateBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class FitTrackeeJsonContext : JsonSerializerContext
{
}
