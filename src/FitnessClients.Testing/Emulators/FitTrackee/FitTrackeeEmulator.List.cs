using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FitnessClients.Testing;

// GET /api/workouts: get_user_workouts_query's filters, Flask-SQLAlchemy's pagination, the statistics block.
public sealed partial class FitTrackeeEmulator
{
    private const int DefaultPerPage = 5;
    private const int MaxPerPage = 100;

    private static readonly Regex DurationPattern = new("^([0-1]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex PacePattern = new("^(\\d+):[0-5]\\d?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly string[] Visibilities = ["private", "followers_only", "public"];

    private static readonly Dictionary<string, Func<FitTrackeeWorkout, IComparable?>> SortColumns = new(StringComparer.Ordinal)
    {
        ["workout_date"] = w => w.WorkoutDate,
        ["distance"] = w => w.DistanceKm,
        ["duration"] = w => w.Moving, // FitTrackee maps "duration" to the moving time
        ["moving"] = w => w.Moving,
        ["ave_speed"] = w => w.AverageSpeed,
        ["max_speed"] = w => w.MaxSpeed,
        ["ascent"] = w => w.Ascent,
        ["descent"] = w => w.Descent,
        ["min_alt"] = w => w.MinAltitude,
        ["max_alt"] = w => w.MaxAltitude,
        ["ave_hr"] = w => w.AverageHeartRate,
        ["max_hr"] = w => w.MaxHeartRate,
        ["calories"] = w => w.Calories,
        ["title"] = w => w.Title,
        ["notes"] = w => w.Notes,
        ["description"] = w => w.Description,
        ["sport_id"] = w => w.SportId,
        ["creation_date"] = w => w.CreationDate,
        ["modification_date"] = w => w.ModificationDate,
    };

    private HttpResponseMessage ListWorkouts(EmulatorRequest request)
    {
        List<FitTrackeeWorkout> all;
        lock (SyncRoot)
        {
            all = [.. _workouts];
        }

        List<FitTrackeeWorkout> matching;
        int page, perPage;
        try
        {
            (matching, page, perPage) = Query(request, all);
        }
        catch (FitTrackeeFileException exception)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, exception.Message);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or KeyNotFoundException or ArgumentException)
        {
            // get_workouts' catch-all: handle_error_and_return_response
            return FitTrackeeJson.Error(HttpStatusCode.InternalServerError, "error, please try again or contact the administrator");
        }

        var total = matching.Count;
        var pages = (int)Math.Ceiling(total / (double)perPage);
        var items = matching.Skip((int)Math.Min(int.MaxValue, (page - 1L) * perPage)).Take(perPage).ToList();
        var hasSportFilter = request.Query.ContainsKey("sport_id");
        var forceSpeed = total > 1 && !hasSportFilter && items.Any(w => !Sport(w).IsPaceSport);
        var user = UserJson(all.Count);
        var data = new JsonObject { ["workouts"] = new JsonArray([.. items.Select(w => (JsonNode)FitTrackeeWorkoutWriter.Light(w, Sport(w), user, forceSpeed))]) };
        if (string.Equals(request.GetQueryValue("with_statistics"), "true", StringComparison.OrdinalIgnoreCase))
        {
            data["statistics"] = new JsonObject { ["current_page"] = Statistics(items), ["all"] = Statistics(matching.Take(10_000)) };
        }

        var pagination = new JsonObject
        {
            ["has_next"] = page < pages,
            ["has_prev"] = page > 1,
            ["page"] = page,
            ["pages"] = pages,
            ["total"] = total,
        };
        return FitTrackeeJson.Success(data, pagination);
    }

    private FitTrackeeSport Sport(FitTrackeeWorkout workout)
    {
        lock (SyncRoot)
        {
            return SportLocked(workout.SportId) ?? FitTrackeeSports.Defaults[0];
        }
    }

    private (List<FitTrackeeWorkout> Matching, int Page, int PerPage) Query(EmulatorRequest request, List<FitTrackeeWorkout> all)
    {
        string? Param(string name) => request.GetQueryValue(name) is { Length: > 0 } value ? value : null;
        var page = request.GetQueryValue("page") is { } p ? int.Parse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 1;
        var perPage = request.GetQueryValue("per_page") is { } pp ? int.Parse(pp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : DefaultPerPage;
        perPage = Math.Min(perPage, MaxPerPage);
        (page, perPage) = (page < 1 ? 1 : page, perPage < 1 ? 20 : perPage); // paginate(error_out=False)

        IEnumerable<FitTrackeeWorkout> query = all;
        if (Param("from") is { } from)
        {
            var start = LocalToUtc(DateTime.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            query = query.Where(w => w.WorkoutDate >= start);
        }

        if (Param("to") is { } to)
        {
            var end = LocalToUtc(DateTime.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) + new TimeSpan(23, 59, 59)) + TimeSpan.FromSeconds(1);
            query = query.Where(w => w.WorkoutDate < end);
        }

        if (Param("sport_id") is { } sportId)
        {
            var id = int.Parse(sportId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            query = query.Where(w => w.SportId == id);
        }

        query = Contains(query, Param("title"), w => w.Title);
        query = Contains(query, Param("notes"), w => w.Notes);
        query = Contains(query, Param("description"), w => w.Description);
        query = Range(query, Param("distance_from"), Param("distance_to"), w => w.DistanceKm, Float);
        query = Range(query, Param("duration_from"), Param("duration_to"), w => w.Moving.TotalSeconds, Duration);
        query = Range(query, Param("ave_speed_from"), Param("ave_speed_to"), w => w.AverageSpeed, Float);
        query = Range(query, Param("max_speed_from"), Param("max_speed_to"), w => w.MaxSpeed, Float);
        query = Range(query, Param("ave_pace_from"), Param("ave_pace_to"), w => PaceSeconds(w.AverageSpeed), Pace);
        query = Range(query, Param("max_pace_from"), Param("max_pace_to"), w => PaceSeconds(w.MaxSpeed), Pace);
        if (request.Query.ContainsKey("equipment_id") && request.GetQueryValue("equipment_id") != "none")
        {
            query = query.Where(_ => false); // this user has no equipment, so no workout carries the one asked for
        }

        if (Param("workout_visibility") is { } visibility)
        {
            query = Visibilities.Contains(visibility, StringComparer.Ordinal)
                ? query.Where(w => w.WorkoutVisibility == visibility)
                : throw new FitTrackeeFileException("invalid", "invalid value for visibility");
        }

        if (Param("coordinates") is { } coordinates)
        {
            query = NearLocked(query, coordinates, Param("radius") ?? "10");
        }

        var column = SortColumns[Param("order_by") ?? "workout_date"];
        var ascending = request.GetQueryValue("order") == "asc";

        // PostgreSQL puts NULLs last when ascending, first when descending; ties keep the table's order.
        var ordered = ascending
            ? query.OrderBy(w => column(w) is null).ThenBy(column)
            : query.OrderBy(w => column(w) is not null).ThenByDescending(column);
        return ([.. ordered], page, perPage);
    }

    private static IEnumerable<FitTrackeeWorkout> Contains(IEnumerable<FitTrackeeWorkout> query, string? text, Func<FitTrackeeWorkout, string?> field) =>
        text is null ? query : query.Where(w => field(w)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    private static IEnumerable<FitTrackeeWorkout> Range(IEnumerable<FitTrackeeWorkout> query, string? from, string? to, Func<FitTrackeeWorkout, double?> field, Func<string, double> parse)
    {
        if (from is not null)
        {
            var low = parse(from);
            query = query.Where(w => field(w) >= low);
        }

        if (to is not null)
        {
            var high = parse(to);
            query = query.Where(w => field(w) <= high);
        }

        return query;
    }

    private static double Float(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary><c>convert_in_duration</c>: <c>H:MM</c> (seconds ignored), else 400 <c>invalid duration</c>.</summary>
    private static double Duration(string text)
    {
        if (!DurationPattern.IsMatch(text))
        {
            throw new FitTrackeeFileException("invalid", "invalid duration");
        }

        var parts = text.Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600) + (int.Parse(parts[1], CultureInfo.InvariantCulture) * 60);
    }

    /// <summary><c>convert_pace_in_duration</c>: <c>M:SS</c> per km.</summary>
    private static double Pace(string text)
    {
        if (!PacePattern.IsMatch(text))
        {
            throw new FitTrackeeFileException("invalid", "invalid duration");
        }

        var parts = text.Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static double? PaceSeconds(double? speedKmh) => speedKmh is > 0 ? Math.Round(3600 / speedKmh.Value) : null;

    private IEnumerable<FitTrackeeWorkout> NearLocked(IEnumerable<FitTrackeeWorkout> query, string coordinates, string radiusText)
    {
        var parts = coordinates.Split(',');
        if (parts.Length != 2)
        {
            throw new ArgumentException("invalid coordinates"); // InvalidCoordinatesException is not caught by the list: a 500
        }

        var (lat, lon) = (Float(parts[0]), Float(parts[1]));
        if (!double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || radius <= 0)
        {
            throw new FitTrackeeFileException("invalid", "invalid radius, must be an float greater than zero");
        }

        Dictionary<string, FitTrackeeTrack> tracks;
        lock (SyncRoot)
        {
            tracks = new Dictionary<string, FitTrackeeTrack>(_tracks, StringComparer.Ordinal);
        }

        var center = new FitTrackeeTrackPoint(lat, lon, null, null);
        return query.Where(w => tracks.TryGetValue(w.Id, out var track) &&
            track.ValidSegments.SelectMany(s => s).Any(p => FitTrackeeTrackStats.DistanceMeters(center, p) <= radius * 1000));
    }

    private DateTimeOffset LocalToUtc(DateTime local)
    {
        // pytz's localize(is_dst=False): a skipped or repeated wall time takes the standard offset.
        var offset = _zone.IsInvalidTime(local) || _zone.IsAmbiguousTime(local) ? _zone.BaseUtcOffset : _zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }

    private JsonObject Statistics(IEnumerable<FitTrackeeWorkout> source)
    {
        var workouts = source.ToList();
        if (workouts.Count == 0)
        {
            return new JsonObject
            {
                ["average_ascent"] = null, ["average_descent"] = null, ["average_distance"] = null, ["average_duration"] = null,
                ["average_pace"] = null, ["average_speed"] = null, ["best_pace"] = null, ["count"] = 0, ["max_speed"] = null,
                ["total_ascent"] = null, ["total_descent"] = null, ["total_distance"] = null, ["total_duration"] = null, ["total_sports"] = 0,
            };
        }

        static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
        static double? Sum(IEnumerable<double?> values) => values.Any(v => v is not null) ? values.Sum() : null;
        static double? Average(IEnumerable<double?> values) => values.Any(v => v is not null) ? values.Average() : null;
        var sports = workouts.Select(w => w.SportId).Distinct().Count();
        var ascents = workouts.Select(w => w.Ascent).ToList();
        var descents = workouts.Select(w => w.Descent).ToList();
        var moving = TimeSpan.FromSeconds(workouts.Sum(w => w.Moving.TotalSeconds));
        return new JsonObject
        {
            ["average_ascent"] = Round(Average(ascents)),
            ["average_descent"] = Round(Average(descents)),
            ["average_distance"] = Round(Average(workouts.Select(w => w.DistanceKm))),
            ["average_duration"] = FitTrackeeJson.Duration(moving / workouts.Count),
            ["average_pace"] = null,
            ["average_speed"] = sports == 1 ? Round(Average(workouts.Select(w => w.AverageSpeed))) : null,
            ["best_pace"] = null,
            ["count"] = workouts.Count,
            ["max_speed"] = sports == 1 ? Round(workouts.Max(w => w.MaxSpeed)) : null,
            ["total_ascent"] = Round(Sum(ascents)),
            ["total_descent"] = Round(Sum(descents)),
            ["total_distance"] = Round(Sum(workouts.Select(w => w.DistanceKm))),
            ["total_duration"] = FitTrackeeJson.Duration(moving),
            ["total_sports"] = sports,
        };
    }
}
