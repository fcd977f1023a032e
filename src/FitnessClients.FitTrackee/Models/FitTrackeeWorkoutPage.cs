namespace FitnessClients.FitTrackee.Models;

/// <summary>One page of <c>GET /api/workouts</c>.</summary>
/// <param name="Workouts">The workouts (list serialisation: <c>notes</c> is always empty there; get the workout for it).</param>
/// <param name="Pagination">Where the page sits.</param>
public sealed record FitTrackeeWorkoutPage(IReadOnlyList<FitTrackeeWorkout> Workouts, FitTrackeePagination Pagination);
