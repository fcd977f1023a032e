using System.Text.Json;

namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// The <c>data</c> of the workout endpoints. The workouts are kept as the JSON FitTrackee sent, so that each one can
/// carry its raw form (<see cref="FitTrackeeWorkout.Raw"/>, what a backup saves); <see cref="ToWorkouts"/> reads them.
/// </summary>
public sealed record FitTrackeeWorkoutsData
{
    /// <summary>The workouts as sent (one for a single workout, a page for a list, the created ones for an upload).</summary>
    public IReadOnlyList<JsonElement> Workouts { get; init; } = [];

    /// <summary>Reads <see cref="Workouts"/> into records, each with <see cref="FitTrackeeWorkout.Raw"/> set; entries that are not objects are skipped.</summary>
    /// <returns>The workouts, in the order sent.</returns>
    public IReadOnlyList<FitTrackeeWorkout> ToWorkouts()
    {
        var list = new List<FitTrackeeWorkout>(Workouts.Count);
        foreach (var json in Workouts)
        {
            if (json.ValueKind == JsonValueKind.Object && json.Deserialize(FitTrackeeJson.Info<FitTrackeeWorkout>()) is { } workout)
            {
                list.Add(workout with { Raw = json.Clone() });
            }
        }

        return list;
    }
}
