namespace FitnessClients.Core.Activities;

/// <summary>
/// A form in which an activity can be fetched: a file format (<c>gpx</c>), the service's original upload, or a
/// JSON document. Compared by <see cref="Name"/>, case-insensitively; services may define their own.
/// </summary>
/// <param name="Name">The format's name as users type it, e.g. <c>gpx</c> or <c>summary.json</c>.</param>
/// <param name="FileExtension">The file extension without a dot, when the format fixes it (the original's depends on the file).</param>
public sealed record ActivityFormat(string Name, string? FileExtension)
{
    /// <summary>The file the user uploaded or the device recorded, as the service keeps it (extension decided by the file).</summary>
    public static ActivityFormat Original { get; } = new("original", null);

    /// <summary>A FIT file.</summary>
    public static ActivityFormat Fit { get; } = new("fit", "fit");

    /// <summary>GPX 1.1.</summary>
    public static ActivityFormat Gpx { get; } = new("gpx", "gpx");

    /// <summary>Garmin Training Center XML.</summary>
    public static ActivityFormat Tcx { get; } = new("tcx", "tcx");

    /// <summary>KML.</summary>
    public static ActivityFormat Kml { get; } = new("kml", "kml");

    /// <summary>The service's CSV export (laps or splits).</summary>
    public static ActivityFormat Csv { get; } = new("csv", "csv");

    /// <summary>The service's summary JSON of the activity.</summary>
    public static ActivityFormat SummaryJson { get; } = new("summary.json", "summary.json");

    /// <summary>The service's detailed JSON of the activity.</summary>
    public static ActivityFormat DetailsJson { get; } = new("details.json", "details.json");

    /// <summary>Whether two formats have the same name, ignoring case.</summary>
    /// <param name="other">The other format.</param>
    public bool Equals(ActivityFormat? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>The format's name.</summary>
    public override string ToString() => Name;
}
