namespace FitnessClients.Testing;

/// <summary>What FitTrackee takes from a workout file: the first track's segments and its name, description, creator and calories.</summary>
internal sealed class FitTrackeeTrack
{
    public required IReadOnlyList<IReadOnlyList<FitTrackeeTrackPoint>> Segments { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Creator { get; init; }

    public int? Calories { get; init; }

    /// <summary>For formats read only as a summary (FIT here): the start, elapsed time and distance in metres.</summary>
    public (DateTimeOffset Start, TimeSpan Elapsed, double? DistanceMeters)? Summary { get; init; }

    /// <summary>Segments of two points or more; FitTrackee ignores the others.</summary>
    public IEnumerable<IReadOnlyList<FitTrackeeTrackPoint>> ValidSegments => Segments.Where(s => s.Count > 1);
}
