using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Writes <c>/activity-service/activity/{id}/details</c>: <c>metricDescriptors</c> (key, positional index, unit) and
/// <c>activityDetailMetrics</c> rows of positional values, at most <c>maxChartSize</c> of them, plus a
/// <c>geoPolylineDTO</c> of at most <c>maxPolylineSize</c> points. The index of each key is shuffled per activity, as the
/// real mapping changes per device and activity, so clients must read the descriptors.
/// </summary>
internal static class GarminDetailsWriter
{
    private static readonly (string Key, string Unit, double Factor)[] Metrics =
    [
        ("directTimestamp", "gmt", 0), ("sumDuration", "second", 1000), ("sumDistance", "meter", 100), ("directSpeed", "mps", 0.1),
        ("directHeartRate", "bpm", 1), ("directLatitude", "dd", 1), ("directLongitude", "dd", 1), ("directElevation", "meter", 100),
    ];

    public static JsonObject Write(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track, int maxChartSize, int maxPolylineSize)
    {
        var keys = Metrics.Where(m => Applies(m.Key, activity)).ToList();
        var random = new DeterministicRandom(activity.Seed ^ 0x510E527FADE682D1UL);
        for (var i = keys.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (keys[i], keys[j]) = (keys[j], keys[i]);
        }

        var descriptors = new JsonArray();
        for (var i = 0; i < keys.Count; i++)
        {
            descriptors.Add((JsonNode)new JsonObject
            {
                ["metricsIndex"] = i,
                ["key"] = keys[i].Key,
                ["unit"] = new JsonObject { ["id"] = i + 1, ["key"] = keys[i].Unit, ["factor"] = keys[i].Factor },
            });
        }

        var rows = new JsonArray();
        foreach (var point in Sample(track, maxChartSize))
        {
            var metrics = new JsonArray();
            foreach (var key in keys)
            {
                metrics.Add(Value(key.Key, point));
            }

            rows.Add((JsonNode)new JsonObject { ["metrics"] = metrics });
        }

        return new JsonObject
        {
            ["activityId"] = activity.Id,
            ["measurementCount"] = keys.Count,
            ["metricsCount"] = rows.Count,
            ["totalMetricsCount"] = track.Count,
            ["metricDescriptors"] = descriptors,
            ["activityDetailMetrics"] = rows,
            ["geoPolylineDTO"] = activity.HasGps ? Polyline(track, maxPolylineSize) : null,
            ["heartRateDTOs"] = null,
            ["pendingData"] = null,
            ["detailsAvailable"] = track.Count > 0,
        };
    }

    /// <summary>Evenly spaced points, first and last included, at most <paramref name="max"/> of them.</summary>
    public static IEnumerable<GarminTrackPoint> Sample(IReadOnlyList<GarminTrackPoint> track, int max)
    {
        if (track.Count <= max)
        {
            return track;
        }

        if (max <= 1)
        {
            return max == 1 ? [track[0]] : [];
        }

        return Enumerable.Range(0, max).Select(i => track[(int)Math.Round((double)i * (track.Count - 1) / (max - 1))]);
    }

    private static bool Applies(string key, GarminEmulatedActivity activity) => key switch
    {
        "directHeartRate" => activity.AverageHeartRate is not null,
        "directLatitude" or "directLongitude" or "directElevation" => activity.HasGps,
        _ => true,
    };

    private static JsonNode? Value(string key, GarminTrackPoint point) => key switch
    {
        "directTimestamp" => (double)new DateTimeOffset(point.Time, TimeSpan.Zero).ToUnixTimeMilliseconds(),
        "sumDuration" => point.Elapsed,
        "sumDistance" => point.Distance,
        "directSpeed" => point.Speed,
        "directHeartRate" => point.HeartRate is { } hr ? (double)hr : null,
        "directLatitude" => point.Latitude,
        "directLongitude" => point.Longitude,
        "directElevation" => point.Elevation,
        _ => null,
    };

    private static JsonObject Polyline(IReadOnlyList<GarminTrackPoint> track, int max)
    {
        var points = new JsonArray();
        foreach (var p in Sample(track, max))
        {
            points.Add((JsonNode)new JsonObject
            {
                ["lat"] = p.Latitude,
                ["lon"] = p.Longitude,
                ["altitude"] = p.Elevation,
                ["time"] = new DateTimeOffset(p.Time, TimeSpan.Zero).ToUnixTimeMilliseconds(),
                ["timerStart"] = false,
                ["timerStop"] = false,
                ["distanceFromPreviousPoint"] = null,
                ["distanceInMeters"] = p.Distance,
                ["speed"] = p.Speed,
                ["cumulativeAscent"] = null,
                ["cumulativeDescent"] = null,
                ["extendedCoordinate"] = false,
                ["valid"] = true,
            });
        }

        var located = track.Where(p => p.Latitude is not null).ToList();
        return new JsonObject
        {
            ["startPoint"] = points.Count > 0 ? points[0]!.DeepClone() : null,
            ["endPoint"] = points.Count > 0 ? points[^1]!.DeepClone() : null,
            ["minLat"] = located.Count > 0 ? located.Min(p => p.Latitude) : null,
            ["maxLat"] = located.Count > 0 ? located.Max(p => p.Latitude) : null,
            ["minLon"] = located.Count > 0 ? located.Min(p => p.Longitude) : null,
            ["maxLon"] = located.Count > 0 ? located.Max(p => p.Longitude) : null,
            ["polyline"] = points,
        };
    }
}
