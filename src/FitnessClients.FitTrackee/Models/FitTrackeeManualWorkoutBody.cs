namespace FitnessClients.FitTrackee.Models;

/// <summary>The JSON of <c>POST /api/workouts/no_gpx</c>, in FitTrackee's units and date form.</summary>
internal sealed record FitTrackeeManualWorkoutBody
{
    public required int SportId { get; init; }

    public required string WorkoutDate { get; init; }

    public required int Duration { get; init; }

    public required double Distance { get; init; }

    public string? Title { get; init; }

    public string? Notes { get; init; }

    public string? Description { get; init; }

    public double? Ascent { get; init; }

    public double? Descent { get; init; }

    public int? Calories { get; init; }

    public string? WorkoutVisibility { get; init; }

    public IReadOnlyList<string>? EquipmentIds { get; init; }
}
