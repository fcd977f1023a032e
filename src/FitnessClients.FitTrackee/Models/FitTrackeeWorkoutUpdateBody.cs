namespace FitnessClients.FitTrackee.Models;

/// <summary>The JSON of <c>PATCH /api/workouts/{id}</c>: only the fields being changed.</summary>
internal sealed record FitTrackeeWorkoutUpdateBody
{
    public string? Title { get; init; }

    public string? Notes { get; init; }

    public string? Description { get; init; }

    public int? SportId { get; init; }

    public string? WorkoutVisibility { get; init; }

    public string? AnalysisVisibility { get; init; }

    public string? MapVisibility { get; init; }

    public IReadOnlyList<string>? EquipmentIds { get; init; }

    public string? WorkoutDate { get; init; }

    public int? Duration { get; init; }

    public double? Distance { get; init; }

    public double? Ascent { get; init; }

    public double? Descent { get; init; }
}
