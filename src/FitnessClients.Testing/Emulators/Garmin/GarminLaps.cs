namespace FitnessClients.Testing;

/// <summary>
/// Cuts the synthetic recording into laps the way a watch's auto-lap does: every kilometre on foot, every 5 km on a bike,
/// one lap per leg for a multisport parent, and one lap for everything else.
/// </summary>
internal static class GarminLaps
{
    /// <summary>How many laps <see cref="Compute"/> finds for a single activity, from the sample distances alone.</summary>
    public static int Count(GarminEmulatedActivity activity)
    {
        if (activity.IsManual)
        {
            return 0;
        }

        var (elapsed, interval, count) = GarminTrack.Timing(activity);
        return DistanceBoundaries(activity, count, i => GarminTrack.DistanceAt(activity, elapsed, interval, i)).Count;
    }

    public static IReadOnlyList<GarminLap> Compute(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track, IReadOnlyList<GarminEmulatedActivity> children)
    {
        if (track.Count == 0)
        {
            return [];
        }

        List<int> boundaries;
        if (activity.IsMultisportParent)
        {
            boundaries = [0];
            foreach (var child in children.Skip(1))
            {
                var elapsed = (child.StartUtc - activity.StartUtc).TotalSeconds;
                var index = FirstIndex(track.Count, boundaries[^1], i => track[i].Elapsed >= elapsed);
                if (index > boundaries[^1])
                {
                    boundaries.Add(index);
                }
            }
        }
        else
        {
            boundaries = DistanceBoundaries(activity, track.Count, i => track[i].Distance);
        }

        var laps = new List<GarminLap>(boundaries.Count);
        var caloriesPerSecond = (activity.Calories ?? 0) / Math.Max(1, activity.ElapsedDuration.TotalSeconds);
        for (var i = 0; i < boundaries.Count; i++)
        {
            var from = boundaries[i];
            var to = i + 1 < boundaries.Count ? boundaries[i + 1] : track.Count - 1;
            laps.Add(Lap(i + 1, track, from, Math.Max(from, to), caloriesPerSecond));
        }

        return laps;
    }

    /// <summary>Auto-lap starts: every kilometre on foot, every 5 km on a bike, none otherwise (one lap).</summary>
    private static List<int> DistanceBoundaries(GarminEmulatedActivity activity, int count, Func<int, double> distanceAt)
    {
        var boundaries = new List<int> { 0 };
        var family = (GarminActivityTypes.Find(activity.TypeKey) ?? GarminActivityTypes.Get("other")).Family;
        var lapLength = family switch
        {
            GarminActivityFamily.Foot => 1000.0,
            GarminActivityFamily.Bike => 5000.0,
            _ => 0,
        };
        if (lapLength > 0)
        {
            for (var mark = lapLength; mark < activity.Distance; mark += lapLength)
            {
                var index = FirstIndex(count, boundaries[^1], i => distanceAt(i) >= mark);
                if (index > boundaries[^1] && index < count - 1)
                {
                    boundaries.Add(index);
                }
            }
        }

        return boundaries;
    }

    private static GarminLap Lap(int index, IReadOnlyList<GarminTrackPoint> track, int from, int to, double caloriesPerSecond)
    {
        var points = Enumerable.Range(from, to - from + 1).Select(i => track[i]).ToList();
        var hr = points.Where(p => p.HeartRate is not null).Select(p => (double)p.HeartRate!.Value).ToList();
        var elevations = points.Where(p => p.Elevation is not null).Select(p => p.Elevation!.Value).ToList();
        double? gain = null, loss = null;
        if (elevations.Count > 0)
        {
            gain = 0;
            loss = 0;
            for (var i = 1; i < elevations.Count; i++)
            {
                var step = elevations[i] - elevations[i - 1];
                gain += Math.Max(0, step);
                loss += Math.Max(0, -step);
            }

            gain = Math.Round(gain.Value, 1);
            loss = Math.Round(loss.Value, 1);
        }

        var duration = Math.Round(points[^1].Elapsed - points[0].Elapsed, 3);
        return new GarminLap(
            index,
            points[0].Time,
            duration,
            Math.Round(points[^1].Distance - points[0].Distance, 2),
            hr.Count == 0 ? null : Math.Round(hr.Average()),
            hr.Count == 0 ? null : hr.Max(),
            gain,
            loss,
            elevations.Count == 0 ? null : elevations.Min(),
            elevations.Count == 0 ? null : elevations.Max(),
            points[0].Latitude,
            points[0].Longitude,
            points[^1].Latitude,
            points[^1].Longitude,
            Math.Round(duration * caloriesPerSecond));
    }

    /// <summary>The first index from <paramref name="from"/> whose sample satisfies a predicate that, like time and distance, stays true once true; the last index when none does.</summary>
    private static int FirstIndex(int count, int from, Func<int, bool> predicate)
    {
        int low = from, high = count - 1;
        if (low > high || !predicate(high))
        {
            return count - 1;
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (predicate(middle))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
