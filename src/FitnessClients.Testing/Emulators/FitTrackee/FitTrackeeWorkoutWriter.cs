using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// <c>Workout.serialize</c> for the owner: light for lists (<c>notes</c> always <c>""</c>, placeholders for the detail-only
/// fields), full for a single workout. Pace sports show pace instead of speed unless the list forces speed.
/// </summary>
internal static class FitTrackeeWorkoutWriter
{
    public static JsonObject Light(FitTrackeeWorkout workout, FitTrackeeSport sport, JsonObject user, bool forceDisplaySpeed)
    {
        var node = Common(workout, sport, user, forceDisplaySpeed);
        node["creation_date"] = null;
        node["modification_date"] = null;
        node["pauses"] = null;
        node["notes"] = string.Empty;
        node["next_workout"] = null;
        node["previous_workout"] = null;
        node["bounds"] = new JsonArray();
        return node;
    }

    public static JsonObject Full(FitTrackeeWorkout workout, FitTrackeeSport sport, JsonObject user, string? previousId, string? nextId)
    {
        var node = Common(workout, sport, user, false);
        node["creation_date"] = FitTrackeeJson.Date(workout.CreationDate);
        node["modification_date"] = workout.ModificationDate is { } modified ? FitTrackeeJson.Date(modified) : null;
        node["pauses"] = workout.Pauses is { } pauses && pauses > TimeSpan.Zero ? FitTrackeeJson.Duration(pauses) : null;
        node["with_geometry"] = workout.WithFile && workout.SegmentCount > 0;
        node["notes"] = workout.Notes;
        node["description"] = workout.Description;
        node["original_file"] = workout.OriginalFileExtension;
        node["elevation_data_source"] = "file";
        node["next_workout"] = nextId;
        node["previous_workout"] = previousId;
        node["bounds"] = new JsonArray([.. workout.Bounds.Select(b => (JsonNode)b)]);
        return node;
    }

    private static JsonObject Common(FitTrackeeWorkout workout, FitTrackeeSport sport, JsonObject user, bool forceDisplaySpeed)
    {
        var displayPace = sport.IsPaceSport;
        var displaySpeed = forceDisplaySpeed || !sport.IsPaceSport;
        var elevation = !sport.HidesElevation;
        return new JsonObject
        {
            ["id"] = workout.Id,
            ["sport_id"] = workout.SportId,
            ["workout_date"] = FitTrackeeJson.Date(workout.WorkoutDate),
            ["workout_visibility"] = workout.WorkoutVisibility,
            ["equipments"] = new JsonArray(),
            ["records"] = new JsonArray(),
            ["segments"] = new JsonArray(),
            ["weather_start"] = null,
            ["weather_end"] = null,
            ["likes_count"] = 0,
            ["liked"] = false,
            ["source"] = workout.Source,
            ["title"] = workout.Title,
            ["moving"] = FitTrackeeJson.Duration(workout.Moving),
            ["distance"] = workout.DistanceKm,
            ["duration"] = FitTrackeeJson.Duration(workout.Duration),
            ["ave_speed"] = displaySpeed ? workout.AverageSpeed : null,
            ["max_speed"] = displaySpeed ? workout.MaxSpeed : null,
            ["min_alt"] = elevation ? workout.MinAltitude : null,
            ["max_alt"] = elevation ? workout.MaxAltitude : null,
            ["descent"] = elevation ? workout.Descent : null,
            ["ascent"] = elevation ? workout.Ascent : null,
            ["analysis_visibility"] = workout.AnalysisVisibility,
            ["map_visibility"] = workout.MapVisibility,
            ["ave_cadence"] = null,
            ["max_cadence"] = null,
            ["ave_hr"] = workout.AverageHeartRate,
            ["max_hr"] = workout.MaxHeartRate,
            ["ave_power"] = null,
            ["max_power"] = null,
            ["ave_pace"] = displayPace ? Pace(workout.AverageSpeed) : null,
            ["best_pace"] = displayPace ? Pace(workout.MaxSpeed) : null,
            ["calories"] = workout.Calories,
            ["map"] = workout.WithFile ? MapId(workout.Id) : null,
            ["with_file"] = workout.WithFile,
            ["with_analysis"] = workout.WithFile,
            ["suspended"] = false,
            ["suspended_at"] = null,
            ["user"] = user.DeepClone(),
        };
    }

    /// <summary>Minutes per km as FitTrackee's <c>convert_speed_into_pace_duration</c> gives it, rounded to the second.</summary>
    private static string? Pace(double? speedKmh) => speedKmh switch
    {
        null => null,
        <= 0 => "0:00:00",
        { } speed => FitTrackeeJson.Duration(TimeSpan.FromSeconds(Math.Round(3600 / speed))),
    };

    private static string MapId(string workoutId) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(workoutId)))[..32];
}
