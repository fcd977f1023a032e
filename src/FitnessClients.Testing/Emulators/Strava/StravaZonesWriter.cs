using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary><c>/activities/{id}/zones</c>: heart-rate and power buckets with the seconds spent in each, from the track.</summary>
internal static class StravaZonesWriter
{
    private static readonly int[] HeartRateBounds = [0, 125, 145, 160, 172, -1];
    private static readonly int[] PowerBounds = [0, 140, 190, 230, 270, 310, 360, -1];

    public static JsonArray Write(StravaTrack track)
    {
        var zones = new JsonArray();
        if (track.Count > 0 && track.HasHeartRate)
        {
            zones.Add((JsonNode)Zone("heartrate", track, track.HeartRate, HeartRateBounds));
        }

        if (track.Count > 0 && track.HasPower)
        {
            zones.Add((JsonNode)Zone("power", track, track.Watts, PowerBounds));
        }

        return zones;
    }

    private static JsonObject Zone(string type, StravaTrack track, int[] values, int[] bounds)
    {
        var seconds = new int[bounds.Length - 1];
        for (var i = 1; i < track.Count; i++)
        {
            var bucket = 0;
            while (bucket < seconds.Length - 1 && values[i] >= bounds[bucket + 1])
            {
                bucket++;
            }

            seconds[bucket] += track.Time[i] - track.Time[i - 1];
        }

        var buckets = new JsonArray();
        for (var b = 0; b < seconds.Length; b++)
        {
            buckets.Add((JsonNode)new JsonObject { ["max"] = bounds[b + 1], ["min"] = bounds[b], ["time"] = (double)seconds[b] });
        }

        return new JsonObject
        {
            ["score"] = seconds.Select((s, i) => s * (i + 1)).Sum() / 60,
            ["distribution_buckets"] = buckets,
            ["type"] = type,
            ["resource_state"] = 3,
            ["sensor_based"] = true,
            ["custom_zones"] = false,
        };
    }
}
