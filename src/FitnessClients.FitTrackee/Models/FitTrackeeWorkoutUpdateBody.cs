namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// The JSON of <c>PATCH /api/workouts/{id}</c>, for <see cref="Api.IFitTrackeeApi.UpdateWorkoutAsync"/>: only the fields
/// being changed (unset members are left out). The facade's <c>Workouts.UpdateAsync</c> builds it from a
/// <see cref="FitTrackeeWorkoutUpdate"/>, converting the start into the user's timezone; prefer that.
/// </summary>
public sealed record FitTrackeeWorkoutUpdateBody
{
    /// <summary>The new title.</summary>
    public string? Title { get; init; }

    /// <summary>The new notes.</summary>
    public string? Notes { get; init; }

    /// <summary>The new description.</summary>
    public string? Description { get; init; }

    /// <summary>The new sport id.</summary>
    public int? SportId { get; init; }

    /// <summary>Who may see the workout.</summary>
    public string? WorkoutVisibility { get; init; }

    /// <summary>Who may see the analysis.</summary>
    public string? AnalysisVisibility { get; init; }

    /// <summary>Who may see the map.</summary>
    public string? MapVisibility { get; init; }

    /// <summary>The equipment short ids (empty detaches all).</summary>
    public IReadOnlyList<string>? EquipmentIds { get; init; }

    /// <summary>A new start as <c>yyyy-MM-dd HH:mm</c> in the user's timezone (workouts without a file only).</summary>
    public string? WorkoutDate { get; init; }

    /// <summary>A new duration in whole seconds (workouts without a file only).</summary>
    public int? Duration { get; init; }

    /// <summary>A new distance in km (workouts without a file only).</summary>
    public double? Distance { get; init; }

    /// <summary>A new ascent in m (workouts without a file only).</summary>
    public double? Ascent { get; init; }

    /// <summary>A new descent in m (workouts without a file only).</summary>
    public double? Descent { get; init; }
}
