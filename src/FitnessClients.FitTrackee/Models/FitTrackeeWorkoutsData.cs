using System.Text.Json;

namespace FitnessClients.FitTrackee.Models;

/// <summary>The <c>data</c> of the workout endpoints: workouts kept as JSON so each can also carry its raw form.</summary>
internal sealed record FitTrackeeWorkoutsData
{
    public IReadOnlyList<JsonElement> Workouts { get; init; } = [];
}
