using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// A workout. Lists return a light form in which <see cref="Notes"/> is always empty and <see cref="Description"/>
/// absent; <c>Workouts.GetAsync</c> returns them. Distances are km, altitudes m, speeds km/h.
/// </summary>
public sealed record FitTrackeeWorkout
{
    /// <summary>The 22-character short id, e.g. <c>kjxavSTUrJvoAh2wvCeGEF</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The instance's sport id.</summary>
    public int SportId { get; init; }

    /// <summary>When the workout started (FitTrackee stores UTC).</summary>
    public DateTimeOffset? WorkoutDate { get; init; }

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>Notes (empty in lists).</summary>
    public string? Notes { get; init; }

    /// <summary>The description (only on the single workout).</summary>
    public string? Description { get; init; }

    /// <summary>The application that made the file (GPX <c>creator</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Total duration as FitTrackee writes it, <c>H:MM:SS</c> (or <c>1 day, 2:03:04</c>).</summary>
    public string? Duration { get; init; }

    /// <summary>Moving time, same form as <see cref="Duration"/>.</summary>
    public string? Moving { get; init; }

    /// <summary>Distance in km.</summary>
    public double? Distance { get; init; }

    /// <summary>Average speed in km/h.</summary>
    public double? AveSpeed { get; init; }

    /// <summary>Maximum speed in km/h.</summary>
    public double? MaxSpeed { get; init; }

    /// <summary>Lowest altitude in m.</summary>
    public double? MinAlt { get; init; }

    /// <summary>Highest altitude in m.</summary>
    public double? MaxAlt { get; init; }

    /// <summary>Climb in m.</summary>
    public double? Ascent { get; init; }

    /// <summary>Descent in m.</summary>
    public double? Descent { get; init; }

    /// <summary>Average heart rate.</summary>
    public int? AveHr { get; init; }

    /// <summary>Maximum heart rate.</summary>
    public int? MaxHr { get; init; }

    /// <summary>Calories.</summary>
    public double? Calories { get; init; }

    /// <summary>Whether a file is attached (GPX download available).</summary>
    public bool WithFile { get; init; }

    /// <summary>The extension of the original upload (<c>gpx</c>, <c>fit</c>…), only on the single workout, owner only.</summary>
    public string? OriginalFile { get; init; }

    /// <summary>Who may see the workout (<see cref="FitTrackeeVisibility"/>).</summary>
    public string? WorkoutVisibility { get; init; }

    /// <summary>When the workout was created.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>When the workout was last modified.</summary>
    public DateTimeOffset? ModificationDate { get; init; }

    /// <summary><see cref="Duration"/> as a <see cref="TimeSpan"/>, when readable.</summary>
    [JsonIgnore]
    public TimeSpan? DurationTime => ParseDuration(Duration);

    /// <summary><see cref="Moving"/> as a <see cref="TimeSpan"/>, when readable.</summary>
    [JsonIgnore]
    public TimeSpan? MovingTime => ParseDuration(Moving);

    /// <summary>Reads Python's <c>str(timedelta)</c>: <c>1:02:03</c>, <c>2 days, 1:02:03</c>, with optional fractions.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The duration, or <see langword="null"/> when the text is empty or not a duration.</returns>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var days = 0;
        var clock = text.Trim();
        var comma = clock.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var dayPart = clock[..comma].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (dayPart.Length != 2 || !int.TryParse(dayPart[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out days))
            {
                return null;
            }

            clock = clock[(comma + 1)..].Trim();
        }

        var parts = clock.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return TimeSpan.FromDays(days) + TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The workout's JSON as the server sent it, for fields this record does not cover.</summary>
    [JsonIgnore]
    public JsonElement? Raw { get; init; }
}
