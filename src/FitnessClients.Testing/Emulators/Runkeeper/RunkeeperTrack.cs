namespace FitnessClients.Testing;

/// <summary>Generates an activity's path and heart rate, deterministically from its id.</summary>
internal static class RunkeeperTrack
{
    private static readonly Dictionary<double, (double Lat, double Lon)> Cities = new()
    {
        [-7] = (39.7392, -104.9903),
        [-5] = (41.8781, -87.6298),
        [-4] = (42.3126, -70.9518),
        [0] = (51.5072, -0.1276),
        [1] = (52.5200, 13.4050),
        [2] = (37.9838, 23.7275),
        [5.5] = (12.9716, 77.5946),
        [10] = (-33.8688, 151.2093),
    };

    public static IReadOnlyList<RunkeeperTrackPoint> Points(RunkeeperEmulatedActivity activity, int intervalSeconds)
    {
        if (activity.IsManual)
        {
            return [];
        }

        var random = new DeterministicRandom((ulong)activity.Id * 2_654_435_761UL);
        var (lat, lon) = Cities.GetValueOrDefault(activity.UtcOffsetHours, (40.0, -74.0));
        lat += random.Range(-0.02, 0.02);
        lon += random.Range(-0.02, 0.02);
        var moving = activity.Duration;
        var speed = activity.Distance / moving;
        var pauseAt = Enumerable.Range(1, activity.PauseCount).Select(i => moving * i / (activity.PauseCount + 1)).ToArray();
        var pauseLength = Enumerable.Range(0, activity.PauseCount).Select(_ => Math.Round(random.Range(60, 240))).ToArray();
        var bearing = random.Range(0, 2 * Math.PI);
        var step = Math.Max(1, intervalSeconds);
        var points = new List<RunkeeperTrackPoint>();
        double distance = 0, paused = 0, movingTime = 0;
        var nextPause = 0;
        points.Add(Point(activity, 0, lat, lon, "start", 0, 0));
        while (movingTime < moving)
        {
            var dt = Math.Min(step, moving - movingTime);
            movingTime += dt;
            bearing += random.Range(-0.25, 0.25);
            var metres = speed * dt;
            lat += metres * Math.Cos(bearing) / 111_320;
            lon += metres * Math.Sin(bearing) / (111_320 * Math.Cos(lat * Math.PI / 180));
            distance += metres;
            var ended = movingTime >= moving;
            if (nextPause < pauseAt.Length && movingTime >= pauseAt[nextPause] && !ended)
            {
                points.Add(Point(activity, movingTime + paused, lat, lon, "pause", distance, movingTime));
                paused += pauseLength[nextPause];
                nextPause++;
                points.Add(Point(activity, movingTime + paused, lat, lon, "resume", distance, movingTime));
                continue;
            }

            points.Add(Point(activity, movingTime + paused, lat, lon, ended ? "end" : "gps", distance, movingTime));
        }

        return points;
    }

    /// <summary>Heart-rate samples every 5 seconds of the recording (none while paused).</summary>
    public static IReadOnlyList<(double Timestamp, int HeartRate)> HeartRate(IReadOnlyList<RunkeeperTrackPoint> points)
    {
        var samples = new List<(double, int)>();
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i - 1].Type == "pause")
            {
                continue;
            }

            for (var t = points[i - 1].Timestamp; t < points[i].Timestamp; t += 5)
            {
                samples.Add((t, Bpm(t)));
            }
        }

        if (points.Count > 0)
        {
            samples.Add((points[^1].Timestamp, Bpm(points[^1].Timestamp)));
        }

        return samples;
    }

    public static int Bpm(double timestamp) => (int)Math.Round(128 + (22 * Math.Sin(timestamp / 240)) + (6 * Math.Sin(timestamp / 37)));

    private static RunkeeperTrackPoint Point(RunkeeperEmulatedActivity activity, double timestamp, double lat, double lon, string type, double distance, double movingTime) =>
        new(timestamp, Math.Round(lat, 7), Math.Round(lon, 7), Math.Round(40 + (25 * Math.Sin(movingTime / 600)), 1), type, Math.Round(distance, 3), activity.HasHeartRate ? Bpm(timestamp) : null);
}
