namespace FitnessClients.Testing;

/// <summary>
/// Cuts the synthetic recording into laps the way a watch's auto-lap does: every kilometre on foot, every 5 km on a bike,
/// one lap per leg for a multisport parent, and one lap for everything else.
/// </summary>
internal static class GarminLaps
{
    public static IReadOnlyList<GarminLap> Compute(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track, IReadOnlyList<GarminEmulatedActivity> children)
    {
        if (track.Count == 0)
        {
            return [];
        }

        var boundaries = new List<int> { 0 };
        if (activity.IsMultisportParent)
        {
            foreach (var child in children.Skip(1))
            {
                var elapsed = (child.StartUtc - activity.StartUtc).TotalSeconds;
                var index = FirstIndex(track, p => p.Elapsed >= elapsed);
                if (index > boundaries[^1])
                {
                    boundaries.Add(index);
                }
            }
        }
        else
        {
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
                    var index = FirstIndex(track, p => p.Distance >= mark);
                    if (index > boundaries[^1] && index < track.Count - 1)
                    {
                        boundaries.Add(index);
                    }
                }
            }
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

    private static int FirstIndex(IReadOnlyList<GarminTrackPoint> track, Func<GarminTrackPoint, bool> predicate)
    {
        for (var i = 0; i < track.Count; i++)
        {
            if (predicate(track[i]))
            {
                return i;
            }
        }

        return track.Count - 1;
    }
}
