namespace FitnessClients.FitTrackee.Models;

/// <summary>A workout without a file (<c>POST /api/workouts/no_gpx</c>).</summary>
public sealed record FitTrackeeManualWorkout
{
    /// <summary>The instance's sport id. Required.</summary>
    public required int SportId { get; init; }

    /// <summary>When it started; sent in the user's timezone to the minute, as FitTrackee expects.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>How long it took; at least one second (FitTrackee refuses zero).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The distance in km, more than 0 and at most 999.9 (FitTrackee refuses zero).</summary>
    public required double DistanceKm { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>Notes, up to 500 characters.</summary>
    public string? Notes { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Climb in m; sent only together with <see cref="Descent"/>.</summary>
    public double? Ascent { get; init; }

    /// <summary>Descent in m; sent only together with <see cref="Ascent"/>.</summary>
    public double? Descent { get; init; }

    /// <summary>Calories.</summary>
    public int? Calories { get; init; }

    /// <summary>Who may see the workout.</summary>
    public string? WorkoutVisibility { get; init; }

    /// <summary>Equipment short ids.</summary>
    public IReadOnlyList<string>? EquipmentIds { get; init; }
}
