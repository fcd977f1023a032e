using System.Globalization;

namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// Filters and order of <c>GET /api/workouts</c>. Dates are days in the <b>user's</b> timezone (FitTrackee reads them
/// so; <see cref="To"/> includes the whole day); durations and paces are sent as <c>H:MM</c>.
/// </summary>
/// <example>
/// <code>
/// var runs = new FitTrackeeWorkoutQuery { SportId = running.Id, From = new DateOnly(2024, 1, 1), Order = "asc" };
/// </code>
/// </example>
public sealed record FitTrackeeWorkoutQuery
{
    /// <summary>The largest page FitTrackee serves (larger values are silently capped).</summary>
    public const int MaxPerPage = 100;

    /// <summary>Items per page, 1 to <see cref="MaxPerPage"/> (server default 5); listing all pages uses 100 when unset.</summary>
    public int? PerPage { get; init; }

    /// <summary><c>asc</c> or <c>desc</c> (default <c>desc</c>).</summary>
    public string? Order { get; init; }

    /// <summary><c>workout_date</c> (default), <c>distance</c>, <c>duration</c> or <c>ave_speed</c>.</summary>
    public string? OrderBy { get; init; }

    /// <summary>Only this sport.</summary>
    public int? SportId { get; init; }

    /// <summary>Only workouts on or after this day (user's timezone).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only workouts on or before this day (user's timezone), inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Title contains (case-insensitive).</summary>
    public string? Title { get; init; }

    /// <summary>Notes contain (case-insensitive); how the sink finds its source markers.</summary>
    public string? Notes { get; init; }

    /// <summary>Description contains (case-insensitive).</summary>
    public string? Description { get; init; }

    /// <summary>Minimum distance in km.</summary>
    public double? DistanceFrom { get; init; }

    /// <summary>Maximum distance in km.</summary>
    public double? DistanceTo { get; init; }

    /// <summary>Minimum moving time (sent as <c>H:MM</c>).</summary>
    public TimeSpan? DurationFrom { get; init; }

    /// <summary>Maximum moving time (sent as <c>H:MM</c>).</summary>
    public TimeSpan? DurationTo { get; init; }

    /// <summary>Minimum average speed in km/h.</summary>
    public double? AveSpeedFrom { get; init; }

    /// <summary>Maximum average speed in km/h.</summary>
    public double? AveSpeedTo { get; init; }

    /// <summary>Minimum maximum speed in km/h.</summary>
    public double? MaxSpeedFrom { get; init; }

    /// <summary>Maximum maximum speed in km/h.</summary>
    public double? MaxSpeedTo { get; init; }

    /// <summary>Minimum average pace per km (sent as <c>M:SS</c>).</summary>
    public TimeSpan? AvePaceFrom { get; init; }

    /// <summary>Maximum average pace per km (sent as <c>M:SS</c>).</summary>
    public TimeSpan? AvePaceTo { get; init; }

    /// <summary>Minimum best pace per km (sent as <c>M:SS</c>).</summary>
    public TimeSpan? MaxPaceFrom { get; init; }

    /// <summary>Maximum best pace per km (sent as <c>M:SS</c>).</summary>
    public TimeSpan? MaxPaceTo { get; init; }

    /// <summary>Only workouts with this equipment (short id), or <c>none</c>.</summary>
    public string? EquipmentId { get; init; }

    /// <summary>Only this visibility (<see cref="FitTrackeeVisibility"/>).</summary>
    public string? WorkoutVisibility { get; init; }

    /// <summary>Only workouts near this point (latitude, longitude), within <see cref="RadiusKm"/>.</summary>
    public (double Latitude, double Longitude)? Coordinates { get; init; }

    /// <summary>The radius around <see cref="Coordinates"/> in km (server default 10).</summary>
    public double? RadiusKm { get; init; }

    /// <summary>Whether to include each workout's equipment.</summary>
    public bool ReturnEquipments { get; init; }

    /// <summary>Whether to include statistics of the page and of all matches.</summary>
    public bool WithStatistics { get; init; }

    /// <summary>
    /// The query parameters of one page in FitTrackee's spelling, for <see cref="Api.IFitTrackeeApi.ListWorkoutsAsync"/>.
    /// Unset filters are left out; without <see cref="PerPage"/> the server's default (5) applies.
    /// </summary>
    /// <param name="page">The page, from 1.</param>
    /// <returns>Names and values, formatted with the invariant culture.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is below 1, or <see cref="PerPage"/> is outside 1 to <see cref="MaxPerPage"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="Order"/> is neither <c>asc</c> nor <c>desc</c>.</exception>
    /// <example><code>
    /// var page = await api.ListWorkoutsAsync(new FitTrackeeWorkoutQuery { PerPage = 100 }.ToQueryParameters(page: 2));
    /// </code></example>
    public IDictionary<string, string> ToQueryParameters(int page = 1) => ToParameters(page, defaultPerPage: null);

    /// <summary>The query parameters for one page.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="defaultPerPage">The page size when <see cref="PerPage"/> is unset.</param>
    internal Dictionary<string, string> ToParameters(int page, int? defaultPerPage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        var perPage = PerPage ?? defaultPerPage;
        if (perPage is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(PerPage));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPerPage, nameof(PerPage));
        }

        if (Order is not null && Order is not ("asc" or "desc"))
        {
            throw new ArgumentException($"FitTrackeeWorkoutQuery.Order must be 'asc' or 'desc', not '{Order}'.");
        }

        var p = new Dictionary<string, string>(StringComparer.Ordinal) { ["page"] = Text(page) };
        Add(p, "per_page", perPage is { } pp ? Text(pp) : null);
        Add(p, "order", Order);
        Add(p, "order_by", OrderBy);
        Add(p, "sport_id", SportId is { } s ? Text(s) : null);
        Add(p, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(p, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(p, "title", Title);
        Add(p, "notes", Notes);
        Add(p, "description", Description);
        Add(p, "distance_from", Number(DistanceFrom));
        Add(p, "distance_to", Number(DistanceTo));
        Add(p, "duration_from", HoursMinutes(DurationFrom));
        Add(p, "duration_to", HoursMinutes(DurationTo));
        Add(p, "ave_speed_from", Number(AveSpeedFrom));
        Add(p, "ave_speed_to", Number(AveSpeedTo));
        Add(p, "max_speed_from", Number(MaxSpeedFrom));
        Add(p, "max_speed_to", Number(MaxSpeedTo));
        Add(p, "ave_pace_from", MinutesSeconds(AvePaceFrom));
        Add(p, "ave_pace_to", MinutesSeconds(AvePaceTo));
        Add(p, "max_pace_from", MinutesSeconds(MaxPaceFrom));
        Add(p, "max_pace_to", MinutesSeconds(MaxPaceTo));
        Add(p, "equipment_id", EquipmentId);
        Add(p, "workout_visibility", WorkoutVisibility);
        if (Coordinates is { } c)
        {
            p["coordinates"] = Number(c.Latitude) + "," + Number(c.Longitude);
        }

        Add(p, "radius", Number(RadiusKm));
        if (ReturnEquipments)
        {
            p["return_equipments"] = "true";
        }

        if (WithStatistics)
        {
            p["with_statistics"] = "true";
        }

        return p;
    }

    private static void Add(Dictionary<string, string> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters[name] = value;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? HoursMinutes(TimeSpan? value) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{(int)v.TotalHours}:{v.Minutes:00}") : null;

    private static string? MinutesSeconds(TimeSpan? value) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{(int)v.TotalMinutes}:{v.Seconds:00}") : null;
}
