using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Writes <c>/activity-service/activity/{id}/hrTimeInZones</c>: five <c>{zoneNumber, secsInZone, zoneLowBoundary}</c>
/// objects in no particular order (the real service does not sort them either), or <c>[]</c> without heart rate.
/// </summary>
internal static class GarminZonesWriter
{
    private const int Samples = 240;

    private static readonly int[] LowBoundaries = [98, 118, 137, 156, 176];

    /// <summary>
    /// Time in each zone, from the activity's heart-rate model sampled at <see cref="Samples"/> points (a multisport
    /// parent adds up its legs). Cheap enough for every entry of a 1,000-entry list page, and what the zones route returns.
    /// </summary>
    public static IReadOnlyList<GarminHeartRateZone> Compute(GarminEmulatedActivity activity, IReadOnlyList<GarminEmulatedActivity> children)
    {
        var seconds = new double[5];
        foreach (var part in activity.IsMultisportParent ? children : [activity])
        {
            if (part.AverageHeartRate is null || part.IsManual)
            {
                continue;
            }

            var (random, _, waves) = GarminTrack.Shape(part);
            var step = part.ElapsedDuration.TotalSeconds / Samples;
            for (var k = 0; k < Samples; k++)
            {
                var hr = Math.Round(GarminTrack.HeartRateAt(part, waves, (k + 0.5) / Samples) + random.Range(-3, 3));
                var zone = Array.FindLastIndex(LowBoundaries, b => hr >= b);
                if (zone >= 0)
                {
                    seconds[zone] += step;
                }
            }
        }

        return seconds.All(s => s == 0) ? [] : [.. seconds.Select((s, i) => new GarminHeartRateZone(i + 1, Math.Round(s, 3), LowBoundaries[i]))];
    }

    public static JsonArray Write(GarminEmulatedActivity activity, IReadOnlyList<GarminHeartRateZone> zones)
    {
        var array = new JsonArray();
        if (zones.Count == 0)
        {
            return array;
        }

        var rotation = (int)(activity.Seed % (ulong)zones.Count);
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[(i + rotation) % zones.Count];
            array.Add((JsonNode)new JsonObject { ["zoneNumber"] = zone.Zone, ["secsInZone"] = zone.Seconds, ["zoneLowBoundary"] = zone.LowBoundary });
        }

        return array;
    }
}
