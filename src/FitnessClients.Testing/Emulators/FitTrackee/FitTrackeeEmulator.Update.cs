using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// PATCH /api/workouts/{id}: WorkoutUpdateService's key rules and its recomputation for workouts without a file.
public sealed partial class FitTrackeeEmulator
{
    private static readonly string[] WithFileOnlyKeys = ["analysis_visibility", "map_visibility"];
    private static readonly string[] WithoutFileOnlyKeys = ["ascent", "calories", "descent", "distance", "duration", "workout_date"];

    private HttpResponseMessage UpdateWorkout(EmulatorRequest request) => WithWorkout(request, workout =>
    {
        if (ReadJsonBody(request, out var body) is { } refused)
        {
            return refused;
        }

        if (!IsTruthy(body))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid payload");
        }

        if (body is not JsonObject fields)
        {
            return HtmlErrorPages.FlaskInternalServerError();
        }

        if (fields.ContainsKey("elevation_data_source") && !workout.WithFile)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "'elevation_data_source' can not be provided for workout without file");
        }

        var invalid = fields.Select(p => p.Key).Where(k => (workout.WithFile ? WithoutFileOnlyKeys : WithFileOnlyKeys).Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (invalid.Count > 0)
        {
            var keys = string.Join(", ", invalid.Select(k => $"'{k}'"));
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, $"invalid key{(invalid.Count == 1 ? string.Empty : "s")} ({keys}) for workout with{(workout.WithFile ? string.Empty : "out")} file", "invalid");
        }

        if (!workout.WithFile && (fields.ContainsKey("ascent") != fields.ContainsKey("descent") ||
            (!(fields["ascent"] is null && fields["descent"] is null) && (NumberValue(fields["ascent"]) is not >= 0 || NumberValue(fields["descent"]) is not >= 0))))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid ascent or descent", "invalid");
        }

        FitTrackeeSport? sport = null;
        if (IsTruthy(fields["sport_id"]) && (sport = SportFromJson(fields["sport_id"])) is null)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, $"sport id {JsonText(fields["sport_id"])} not found", "invalid");
        }

        if (fields.ContainsKey("equipment_ids") && EquipmentError(fields) is { } equipment)
        {
            return equipment;
        }

        var updated = workout with { ModificationDate = request.ReceivedAt };
        if (sport is not null)
        {
            updated = updated with { SportId = sport.Id };
        }

        if (StringValue(fields["description"]) is { } description)
        {
            updated = updated with { Description = Truncate(description, 10_000) };
        }

        if (StringValue(fields["notes"]) is { } notes)
        {
            updated = updated with { Notes = Truncate(notes, 500) };
        }

        if (StringValue(fields["title"]) is { } title)
        {
            updated = updated with { Title = Truncate(title, 255)! };
        }

        if (fields.ContainsKey("workout_visibility"))
        {
            if (!Visibilities.Contains(StringValue(fields["workout_visibility"]), StringComparer.Ordinal))
            {
                return HtmlErrorPages.FlaskInternalServerError();
            }

            updated = updated with { WorkoutVisibility = StringValue(fields["workout_visibility"])! };
        }

        if (workout.WithFile)
        {
            updated = UpdateVisibilities(updated, StringValue(fields["analysis_visibility"]), StringValue(fields["map_visibility"]));
        }
        else
        {
            try
            {
                updated = UpdateWithoutFile(updated, fields);
            }
            catch (FormatException)
            {
                return FitTrackeeJson.Error(HttpStatusCode.InternalServerError, "error, please try again or contact the administrator");
            }
        }

        if (updated.DistanceKm > 999.9)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "one or more values, entered or calculated, exceed the limits");
        }

        lock (SyncRoot)
        {
            ReplaceLocked(updated);
        }

        return FitTrackeeJson.Success(new JsonObject { ["workouts"] = new JsonArray(FullJson(updated)) });
    });

    /// <summary><c>get_calculated_visibility</c>: a child visibility never wider than its parent.</summary>
    private static FitTrackeeWorkout UpdateVisibilities(FitTrackeeWorkout workout, string? analysis, string? map)
    {
        static string Narrowest(string value, string parent) => Array.IndexOf(Visibilities, value) <= Array.IndexOf(Visibilities, parent) ? value : parent;
        var analysisVisibility = Narrowest(analysis is { Length: > 0 } a && Visibilities.Contains(a) ? a : workout.AnalysisVisibility, workout.WorkoutVisibility);
        var mapVisibility = Narrowest(map is { Length: > 0 } m && Visibilities.Contains(m) ? m : workout.MapVisibility, analysisVisibility);
        return workout with { AnalysisVisibility = analysisVisibility, MapVisibility = mapVisibility };
    }

    private FitTrackeeWorkout UpdateWithoutFile(FitTrackeeWorkout workout, JsonObject fields)
    {
        if (fields.ContainsKey("ascent"))
        {
            workout = workout with { Ascent = NumberValue(fields["ascent"]), Descent = NumberValue(fields["descent"]) };
        }

        if (StringValue(fields["workout_date"]) is { Length: > 0 } date)
        {
            workout = workout with { WorkoutDate = LocalToUtc(DateTime.ParseExact(date, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) };
        }

        var updateSpeeds = false;
        if (IsTruthy(fields["duration"]) && NumberValue(fields["duration"]) is { } seconds)
        {
            workout = workout with { Duration = TimeSpan.FromSeconds(seconds), Moving = TimeSpan.FromSeconds(seconds) };
            updateSpeeds = true;
        }

        if (IsTruthy(fields["distance"]) && NumberValue(fields["distance"]) is { } distance)
        {
            workout = workout with { DistanceKm = distance };
            updateSpeeds = true;
        }

        if (updateSpeeds && workout.DistanceKm is { } km)
        {
            var daySeconds = workout.Duration.TotalSeconds % 86_400; // timedelta.seconds
            double? speed = daySeconds == 0 ? null : Math.Round(km / (daySeconds / 3600), 2);
            workout = workout with { AverageSpeed = speed, MaxSpeed = speed };
        }

        if (fields.ContainsKey("calories"))
        {
            workout = workout with { Calories = NumberValue(fields["calories"]) is { } kcal && kcal != 0 ? (int)kcal : null };
        }

        return workout;
    }
}
