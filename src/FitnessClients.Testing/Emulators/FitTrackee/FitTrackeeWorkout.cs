namespace FitnessClients.Testing;

/// <summary>
/// A workout stored by a <see cref="FitTrackeeEmulator"/>, in the server's units: what tests seed and inspect. The
/// emulator serializes it in FitTrackee's JSON (light in lists, full for a single workout).
/// </summary>
/// <param name="Id">The 22-character short id.</param>
/// <param name="SportId">The sport's id.</param>
/// <param name="WorkoutDate">The start, UTC.</param>
/// <param name="Title">The title (at most 255 characters).</param>
/// <param name="Notes">The private notes (at most 500 characters), or <see langword="null"/>.</param>
/// <param name="Description">The description (at most 10,000 characters), or <see langword="null"/>.</param>
/// <param name="DistanceKm">The distance in km.</param>
/// <param name="Duration">The total duration, pauses included.</param>
/// <param name="Moving">The moving time.</param>
/// <param name="OriginalFileExtension">The uploaded file's extension (<c>gpx</c>, <c>tcx</c>...), or <see langword="null"/> for a workout entered without a file.</param>
/// <param name="CreationDate">When it was created, on the emulator clock.</param>
public sealed record FitTrackeeWorkout(
    string Id,
    int SportId,
    DateTimeOffset WorkoutDate,
    string Title,
    string? Notes,
    string? Description,
    double? DistanceKm,
    TimeSpan Duration,
    TimeSpan Moving,
    string? OriginalFileExtension,
    DateTimeOffset CreationDate)
{
    /// <summary>When it was last edited (<c>PATCH</c>), or <see langword="null"/>.</summary>
    public DateTimeOffset? ModificationDate { get; init; }

    /// <summary>The pauses (duration minus moving time, plus gaps between segments), or <see langword="null"/> for none.</summary>
    public TimeSpan? Pauses { get; init; }

    /// <summary>The average speed in km/h over the moving time.</summary>
    public double? AverageSpeed { get; init; }

    /// <summary>The maximum speed in km/h.</summary>
    public double? MaxSpeed { get; init; }

    /// <summary>The elevation gain in metres.</summary>
    public double? Ascent { get; init; }

    /// <summary>The elevation loss in metres.</summary>
    public double? Descent { get; init; }

    /// <summary>The lowest altitude in metres.</summary>
    public double? MinAltitude { get; init; }

    /// <summary>The highest altitude in metres.</summary>
    public double? MaxAltitude { get; init; }

    /// <summary>The average heart rate.</summary>
    public int? AverageHeartRate { get; init; }

    /// <summary>The maximum heart rate.</summary>
    public int? MaxHeartRate { get; init; }

    /// <summary>The calories (kcal).</summary>
    public int? Calories { get; init; }

    /// <summary>The file's creator (GPX <c>creator</c>), FitTrackee's <c>source</c>.</summary>
    public string? Source { get; init; }

    /// <summary><c>private</c>, <c>followers_only</c> or <c>public</c>.</summary>
    public string WorkoutVisibility { get; init; } = "private";

    /// <summary>The analysis (charts) visibility; never wider than <see cref="WorkoutVisibility"/>.</summary>
    public string AnalysisVisibility { get; init; } = "private";

    /// <summary>The map visibility; never wider than <see cref="AnalysisVisibility"/>.</summary>
    public string MapVisibility { get; init; } = "private";

    /// <summary>The bounds <c>[min_lat, min_lon, max_lat, max_lon]</c>; empty without a track.</summary>
    public IReadOnlyList<double> Bounds { get; init; } = [];

    /// <summary>How many segments the track has (pause/resume splits).</summary>
    public int SegmentCount { get; init; }

    /// <summary>Whether it was created from a file.</summary>
    public bool WithFile => OriginalFileExtension is not null;
}
