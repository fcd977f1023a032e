using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Writes <c>/activity-service/activity/{id}/hrTimeInZones</c>: five <c>{zoneNumber, secsInZone, zoneLowBoundary}</c>
/// objects in no particular order (the real service does not sort them either), or <c>[]</c> without heart rate.
/// </summary>
internal static class GarminZonesWriter
{
    private static readonly int[] LowBoundaries = [98, 118, 137, 156, 176];

    public static IReadOnlyList<GarminHeartRateZone> Compute(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track)
    {
        if (activity.AverageHeartRate is null || track.Count < 2)
        {
            return [];
        }

        var seconds = new double[5];
        for (var i = 1; i < track.Count; i++)
        {
            var hr = track[i].HeartRate ?? 0;
            var zone = Array.FindLastIndex(LowBoundaries, b => hr >= b);
            if (zone >= 0)
            {
                seconds[zone] += track[i].Elapsed - track[i - 1].Elapsed;
            }
        }

        return [.. seconds.Select((s, i) => new GarminHeartRateZone(i + 1, Math.Round(s, 3), LowBoundaries[i]))];
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
            array.Add(new JsonObject { ["zoneNumber"] = zone.Zone, ["secsInZone"] = zone.Seconds, ["zoneLowBoundary"] = zone.LowBoundary });
        }

        return array;
    }
}
