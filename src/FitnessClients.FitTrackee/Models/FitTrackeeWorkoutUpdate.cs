namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// An edit of a workout (<c>PATCH /api/workouts/{id}</c>): unset members stay as they are. The distance, duration,
/// start and climb can only be changed on workouts without a file.
/// </summary>
public sealed record FitTrackeeWorkoutUpdate
{
    /// <summary>A new title.</summary>
    public string? Title { get; init; }

    /// <summary>New notes.</summary>
    public string? Notes { get; init; }

    /// <summary>A new description.</summary>
    public string? Description { get; init; }

    /// <summary>A new sport id.</summary>
    public int? SportId { get; init; }

    /// <summary>A new visibility.</summary>
    public string? WorkoutVisibility { get; init; }

    /// <summary>A new analysis visibility.</summary>
    public string? AnalysisVisibility { get; init; }

    /// <summary>A new map visibility.</summary>
    public string? MapVisibility { get; init; }

    /// <summary>New equipment short ids (empty removes all).</summary>
    public IReadOnlyList<string>? EquipmentIds { get; init; }

    /// <summary>File-less workouts: a new start (sent in the user's timezone).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>File-less workouts: a new duration.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>File-less workouts: a new distance in km.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>File-less workouts: a new climb in m (with <see cref="Descent"/>).</summary>
    public double? Ascent { get; init; }

    /// <summary>File-less workouts: a new descent in m (with <see cref="Ascent"/>).</summary>
    public double? Descent { get; init; }
}
