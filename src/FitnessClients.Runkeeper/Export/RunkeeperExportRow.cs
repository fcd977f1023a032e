namespace FitnessClients.Runkeeper.Export;

/// <summary>One row of <c>cardioActivities.csv</c>, with the values the summary needs parsed and every column kept.</summary>
internal sealed record RunkeeperExportRow
{
    public required int LineNumber { get; init; }

    public required string Id { get; init; }

    public required DateTime LocalDate { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Columns { get; init; }

    public string? Type { get; init; }

    public string? RouteName { get; init; }

    public double? DistanceMeters { get; init; }

    public TimeSpan? Duration { get; init; }

    public string? AveragePace { get; init; }

    public double? AverageSpeedKmh { get; init; }

    public double? Calories { get; init; }

    public double? ClimbMeters { get; init; }

    public double? AverageHeartRate { get; init; }

    public string? Notes { get; init; }

    public string? GpxFile { get; init; }
}
