using System.Globalization;
using System.Text;

namespace FitnessClients.Testing;

/// <summary>Writes the splits CSV export: one row per lap and a <c>Summary</c> row (times as <c>h:mm:ss.f</c>, distance in km).</summary>
internal static class GarminCsvWriter
{
    public static byte[] Write(GarminEmulatedActivity activity, IReadOnlyList<GarminLap> laps)
    {
        var csv = new StringBuilder("Laps,Time,Cumulative Time,Distance,Avg Pace,Avg HR,Max HR,Total Ascent,Total Descent,Calories\n");
        var cumulative = 0.0;
        foreach (var lap in laps)
        {
            cumulative += lap.Duration;
            Row(csv, lap.Index.ToString(CultureInfo.InvariantCulture), lap.Duration, cumulative, lap.Distance, lap.AverageHeartRate, lap.MaxHeartRate, lap.ElevationGain, lap.ElevationLoss, lap.Calories);
        }

        Row(csv, "Summary", activity.Duration.TotalSeconds, activity.Duration.TotalSeconds, activity.Distance, activity.AverageHeartRate, activity.MaxHeartRate, activity.ElevationGain, activity.ElevationLoss, activity.Calories ?? 0);
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static void Row(StringBuilder csv, string label, double seconds, double cumulative, double metres, double? averageHr, double? maxHr, double? gain, double? loss, double calories)
    {
        var pace = metres > 0 ? Clock(seconds / (metres / 1000)) : "--";
        csv.Append(CultureInfo.InvariantCulture, $"{label},{Clock(seconds)},{Clock(cumulative)},{metres / 1000:0.00},{pace},{Optional(averageHr)},{Optional(maxHr)},{Optional(gain)},{Optional(loss)},{calories:0}\n");
    }

    private static string Optional(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "--";

    private static string Clock(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Round(seconds, 1));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}.{span.Milliseconds / 100}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}.{span.Milliseconds / 100}");
    }
}
