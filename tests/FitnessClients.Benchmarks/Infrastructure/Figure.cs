using System.Globalization;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>One measured figure: printed as <c>name: value unit</c> and written to the JSON file.</summary>
/// <param name="Name">The figure's name, e.g. <c>requests_per_activity.strava_gpx_summary</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">The unit, e.g. <c>requests</c>, <c>s</c>, <c>MB</c>.</param>
/// <param name="Goal">The goal as text (<c>&lt;= 1.01</c>), or <see langword="null"/> when the figure has none.</param>
/// <param name="Met">Whether the goal was met; <see langword="null"/> without a goal.</param>
/// <param name="Note">What was measured, in a few words.</param>
internal sealed record Figure(string Name, double Value, string Unit, string? Goal = null, bool? Met = null, string? Note = null)
{
    public static Figure AtMost(string name, double value, string unit, double goal, string? note = null) =>
        new(name, value, unit, "<= " + goal.ToString("0.###", CultureInfo.InvariantCulture), value <= goal, note);

    public static Figure AtLeast(string name, double value, string unit, double goal, string? note = null) =>
        new(name, value, unit, ">= " + goal.ToString("0.###", CultureInfo.InvariantCulture), value >= goal, note);

    public static Figure Below(string name, double value, string unit, double goal, string? note = null) =>
        new(name, value, unit, "< " + goal.ToString("0.###", CultureInfo.InvariantCulture), value < goal, note);

    public static Figure Exactly(string name, double value, string unit, double goal, string? note = null) =>
        new(name, value, unit, "= " + goal.ToString("0.###", CultureInfo.InvariantCulture), value == goal, note);

    /// <summary>The console line: <c>name: value unit</c>, then the goal when there is one.</summary>
    public string ToLine()
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{Name}: {Format(Value)} {Unit}");
        return Goal is null ? line : line + $"   (goal {Goal}: {(Met == true ? "met" : "MISSED")})";
    }

    /// <summary>Reads a line printed by <see cref="ToLine"/> back (what a child process prints), without goal.</summary>
    public static Figure? TryParse(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var rest = line[(colon + 2)..].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return rest.Length >= 2 && double.TryParse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new Figure(line[..colon], value, rest[1])
            : null;
    }

    private static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.####", CultureInfo.InvariantCulture);
}
