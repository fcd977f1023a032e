namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// The JSON of <c>POST /api/workouts/no_gpx</c>, in FitTrackee's units and date form, for
/// <see cref="Api.IFitTrackeeApi.CreateManualWorkoutAsync"/>. The facade's <c>Workouts.CreateManualAsync</c> builds it from
/// a <see cref="FitTrackeeManualWorkout"/> (time zone, rounding and range checks included); prefer that.
/// </summary>
public sealed record FitTrackeeManualWorkoutBody
{
    /// <summary>The instance's sport id.</summary>
    public required int SportId { get; init; }

    /// <summary>The start as <c>yyyy-MM-dd HH:mm</c> in the <b>user's</b> timezone (from the profile), to the minute.</summary>
    public required string WorkoutDate { get; init; }

    /// <summary>The duration in whole seconds, at least 1.</summary>
    public required int Duration { get; init; }

    /// <summary>The distance in km, above 0 and at most 999.9.</summary>
    public required double Distance { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>Notes, up to 500 characters.</summary>
    public string? Notes { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Ascent in m; sent together with <see cref="Descent"/> or not at all.</summary>
    public double? Ascent { get; init; }

    /// <summary>Descent in m; sent together with <see cref="Ascent"/> or not at all.</summary>
    public double? Descent { get; init; }

    /// <summary>Calories (kcal).</summary>
    public int? Calories { get; init; }

    /// <summary>Who may see the workout (<see cref="FitTrackeeVisibility"/>).</summary>
    public string? WorkoutVisibility { get; init; }

    /// <summary>Equipment short ids; unset attaches the sport's default equipment, empty attaches none.</summary>
    public IReadOnlyList<string>? EquipmentIds { get; init; }
}
