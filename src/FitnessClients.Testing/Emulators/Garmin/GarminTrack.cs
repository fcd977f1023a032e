namespace FitnessClients.Testing;

/// <summary>
/// The synthetic recording behind an activity's details, splits, zones and files: a loop through its start point (so
/// multisport legs join up and the end is the start), an elevation wave between its lowest and highest point, and a
/// heart rate around its average. Deterministic per activity; one sample per second up to 30 minutes, then at most
/// <see cref="MaxSamples"/> samples spread evenly.
/// </summary>
internal static class GarminTrack
{
    public const int MaxSamples = 1800;

    private const double MetresPerDegree = 111_320;

    /// <summary>The samples of <paramref name="activity"/>; a multisport parent's are its <paramref name="children"/>' in order.</summary>
    public static IReadOnlyList<GarminTrackPoint> For(GarminEmulatedActivity activity, IReadOnlyList<GarminEmulatedActivity> children)
    {
        if (!activity.IsMultisportParent)
        {
            return Single(activity);
        }

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

    /// <summary>The seeded shape of an activity's heart-rate curve: the phase of its loop and how many waves its effort makes.</summary>
    public static (DeterministicRandom Random, double Phase, int Waves) Shape(GarminEmulatedActivity activity)
    {
        var random = new DeterministicRandom(activity.Seed ^ 0x3C6EF372FE94F82BUL);
        var phase = random.Range(0, 2 * Math.PI);
        return (random, phase, random.Next(1, 4));
    }

    /// <summary>The modelled heart rate at <paramref name="fraction"/> of the activity, before noise.</summary>
    public static double HeartRateAt(GarminEmulatedActivity activity, int waves, double fraction)
    {
        var average = activity.AverageHeartRate!.Value;
        var max = activity.MaxHeartRate ?? average;
        return average + ((max - average) * 0.6 * Math.Sin(2 * Math.PI * fraction * waves));
    }

    /// <summary>The sample times (seconds from the start) of a single activity.</summary>
    public static (double Elapsed, double Interval, int Count) Timing(GarminEmulatedActivity activity)
    {
        var elapsed = Math.Max(1, activity.ElapsedDuration.TotalSeconds);
        var interval = Math.Max(1, Math.Ceiling(elapsed / MaxSamples));
        return (elapsed, interval, (int)Math.Ceiling(elapsed / interval) + 1); // the last sample is at the end exactly
    }

    /// <summary>The distance (m) at sample <paramref name="index"/> of a single activity.</summary>
    public static double DistanceAt(GarminEmulatedActivity activity, double elapsed, double interval, int index) =>
        Math.Round(activity.Distance * (Math.Min(elapsed, index * interval) / elapsed), 2);

    private static List<GarminTrackPoint> Single(GarminEmulatedActivity activity)
    {
        if (activity.IsManual)
        {
            return [];
        }

        var (random, phase, waves) = Shape(activity);
        var (elapsed, interval, count) = Timing(activity);
        var radius = Math.Max(50, activity.Distance / (2 * Math.PI));
        var lat0 = activity.StartLatitude ?? 0;
        var lon0 = activity.StartLongitude ?? 0;
        var cosLat = Math.Cos(lat0 * Math.PI / 180);
        var sinPhase = Math.Sin(phase);
        var cosPhase = Math.Cos(phase);
        var minElevation = activity.MinElevation ?? 0;
        var span = (activity.MaxElevation ?? minElevation) - minElevation;
        var maxHr = activity.MaxHeartRate ?? activity.AverageHeartRate;
        var start = activity.StartUtc.UtcDateTime;
        var speed = activity.Distance / Math.Max(1, activity.Duration.TotalSeconds);
        var gps = activity.HasGps;
        var points = new List<GarminTrackPoint>(count);
        for (var i = 0; i < count; i++)
        {
            var t = Math.Min(elapsed, i * interval);
            var fraction = t / elapsed;
            var angle = 2 * Math.PI * fraction;
            double? latitude = null, longitude = null, elevation = null;
            if (gps)
            {
                var north = radius * (Math.Sin(angle + phase) - sinPhase);
                var east = radius * (cosPhase - Math.Cos(angle + phase));
                latitude = Math.Round(lat0 + (north / MetresPerDegree), 7);
                longitude = Math.Round(lon0 + (east / (MetresPerDegree * cosLat)), 7);
                elevation = Math.Round(minElevation + (span * (0.5 - (0.5 * Math.Cos(2 * Math.PI * fraction * waves)))), 1);
            }

            int? heartRate = activity.AverageHeartRate is null
                ? null
                : (int)Math.Round(Math.Clamp(HeartRateAt(activity, waves, fraction) + random.Range(-3, 3), 60, maxHr!.Value));
            var pointSpeed = Math.Round(Math.Max(0, speed * (1 + (0.1 * Math.Sin(angle * 3)) + random.Range(-0.05, 0.05))), 3);
            points.Add(new GarminTrackPoint(start.AddSeconds(t), t, latitude, longitude, elevation, heartRate, Math.Round(activity.Distance * fraction, 2), pointSpeed));
        }

        return points;
    }
}
