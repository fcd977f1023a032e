namespace FitnessClients.Testing;

/// <summary>
/// The synthetic recording behind an activity's details, splits, zones and files: a loop through its start point (so
/// multisport legs join up), an elevation wave between its lowest and highest point, and a heart rate around its average.
/// Deterministic per activity; at most about 3,600 samples, one per second for activities up to an hour.
/// </summary>
internal static class GarminTrack
{
    private const double MetresPerDegree = 111_320;

    /// <summary>The samples of <paramref name="activity"/>; a multisport parent's are its <paramref name="children"/>' in order.</summary>
    public static IReadOnlyList<GarminTrackPoint> For(GarminEmulatedActivity activity, IReadOnlyList<GarminEmulatedActivity> children)
    {
        if (activity.IsMultisportParent)
        {
            var all = new List<GarminTrackPoint>();
            var distance = 0.0;
            foreach (var child in children)
            {
                var offset = (child.StartUtc - activity.StartUtc).TotalSeconds;
                foreach (var point in Single(child))
                {
                    all.Add(point with { Elapsed = Math.Round(point.Elapsed + offset, 3), Distance = Math.Round(point.Distance + distance, 2) });
                }

                distance += child.Distance;
            }

            return all;
        }

        return Single(activity);
    }

    private static List<GarminTrackPoint> Single(GarminEmulatedActivity activity)
    {
        if (activity.IsManual)
        {
            return [];
        }

        var random = new DeterministicRandom(activity.Seed ^ 0x3C6EF372FE94F82BUL);
        var elapsed = Math.Max(1, activity.ElapsedDuration.TotalSeconds);
        var interval = Math.Max(1, Math.Ceiling(elapsed / 3600));
        var count = (int)Math.Ceiling(elapsed / interval) + 1; // the last sample is at the end exactly
        var radius = Math.Max(50, activity.Distance / (2 * Math.PI));
        var phase = random.Range(0, 2 * Math.PI);
        var waves = random.Next(1, 4);
        var lat0 = activity.StartLatitude ?? 0;
        var lon0 = activity.StartLongitude ?? 0;
        var cosLat = Math.Cos(lat0 * Math.PI / 180);
        var minElevation = activity.MinElevation ?? 0;
        var span = (activity.MaxElevation ?? minElevation) - minElevation;
        var averageHr = activity.AverageHeartRate;
        var maxHr = activity.MaxHeartRate ?? averageHr;
        var start = activity.StartUtc.UtcDateTime;
        var speed = activity.Distance / Math.Max(1, activity.Duration.TotalSeconds);
        var points = new List<GarminTrackPoint>(count);
        for (var i = 0; i < count; i++)
        {
            var t = Math.Min(elapsed, i * interval);
            var fraction = t / elapsed;
            var angle = 2 * Math.PI * fraction;
            double? latitude = null, longitude = null, elevation = null;
            if (activity.HasGps)
            {
                var north = radius * (Math.Sin(angle + phase) - Math.Sin(phase));
                var east = radius * (Math.Cos(phase) - Math.Cos(angle + phase));
                latitude = Math.Round(lat0 + (north / MetresPerDegree), 7);
                longitude = Math.Round(lon0 + (east / (MetresPerDegree * cosLat)), 7);
                elevation = Math.Round(minElevation + (span * (0.5 - (0.5 * Math.Cos(2 * Math.PI * fraction * waves)))), 1);
            }

            int? heartRate = averageHr is null
                ? null
                : (int)Math.Round(Math.Clamp(averageHr.Value + ((maxHr!.Value - averageHr.Value) * 0.6 * Math.Sin(angle * waves)) + random.Range(-3, 3), 60, maxHr.Value));
            var pointSpeed = Math.Round(Math.Max(0, speed * (1 + (0.1 * Math.Sin(angle * 3)) + random.Range(-0.05, 0.05))), 3);
            points.Add(new GarminTrackPoint(start.AddSeconds(t), t, latitude, longitude, elevation, heartRate, Math.Round(activity.Distance * fraction, 2), pointSpeed));
        }

        return points;
    }
}
