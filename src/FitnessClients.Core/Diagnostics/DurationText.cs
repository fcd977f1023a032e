using System.Globalization;

namespace FitnessClients.Core.Diagnostics;

/// <summary>Formats a duration for people: "750 ms", "7 s", "2.5 s", "3 min", "1 min 30 s", "2 h 5 min".</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return "no limit";
        }

        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMilliseconds} ms");
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(duration.TotalSeconds, 1):0.#} s");
        }

        if (duration < TimeSpan.FromHours(1))
        {
            var seconds = (int)Math.Round(duration.TotalSeconds) % 60;
            var minutes = (int)Math.Round(duration.TotalSeconds) / 60;
            return seconds == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{minutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{minutes} min {seconds} s");
        }

        var totalMinutes = (long)Math.Round(duration.TotalMinutes);
        var hours = totalMinutes / 60;
        var rest = totalMinutes % 60;
        return rest == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{hours} h {rest} min");
    }
}
