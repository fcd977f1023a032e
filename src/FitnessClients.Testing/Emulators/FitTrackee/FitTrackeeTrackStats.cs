namespace FitnessClients.Testing;

/// <summary>
/// FitTrackee's figures for a track: distance, duration with pauses between segments, moving time below the sport's
/// stopped-speed threshold, speeds, elevation, heart rate. Close to gpxpy's numbers, not identical (no smoothing).
/// </summary>
internal static class FitTrackeeTrackStats
{
    private const double EarthRadius = 6_371_000;

    /// <summary>Builds the stored workout from a parsed file.</summary>
    public static FitTrackeeWorkout Build(string id, FitTrackeeSport sport, FitTrackeeTrack track, string extension, DateTimeOffset now)
    {
        if (track.Summary is { } summary)
        {
            var speed = summary.DistanceMeters is { } meters && summary.Elapsed.TotalSeconds > 0 ? meters / summary.Elapsed.TotalSeconds * 3.6 : (double?)null;
            return new FitTrackeeWorkout(id, sport.Id, summary.Start, string.Empty, null, null, summary.DistanceMeters / 1000, Whole(summary.Elapsed), Whole(summary.Elapsed), extension, now)
            {
                AverageSpeed = Round2(speed),
                MaxSpeed = Round2(speed),
                Pauses = TimeSpan.Zero,
                SegmentCount = 1,
            };
        }

        var segments = track.ValidSegments.ToList();
        var start = segments[0][0].Time!.Value;
        double distance = 0, maxSpeed = 0, ascent = 0, descent = 0;
        var moving = TimeSpan.Zero;
        var duration = TimeSpan.Zero;
        DateTimeOffset? previousEnd = null;
        var pausesBetween = TimeSpan.Zero;
        foreach (var segment in segments)
        {
            if (previousEnd is { } end && segment[0].Time is { } first)
            {
                pausesBetween += first - end;
            }

            for (var i = 1; i < segment.Count; i++)
            {
                var (a, b) = (segment[i - 1], segment[i]);
                var meters = DistanceMeters(a, b);
                distance += meters;
                if (a.Elevation is { } ea && b.Elevation is { } eb)
                {
                    ascent += Math.Max(0, eb - ea);
                    descent += Math.Max(0, ea - eb);
                }

                if (a.Time is { } ta && b.Time is { } tb && tb > ta)
                {
                    var seconds = (tb - ta).TotalSeconds;
                    var kmh = meters / seconds * 3.6;
                    if (kmh > sport.StoppedSpeedThreshold)
                    {
                        moving += tb - ta;
                        maxSpeed = Math.Max(maxSpeed, kmh);
                    }
                }
            }

            var times = segment.Where(p => p.Time is not null).Select(p => p.Time!.Value).ToList();
            if (times.Count > 1)
            {
                duration += times[^1] - times[0];
            }

            previousEnd = times.Count > 0 ? times[^1] : previousEnd;
        }

        duration += pausesBetween;
        var points = segments.SelectMany(s => s).ToList();
        var elevations = points.Where(p => p.Elevation is not null).Select(p => p.Elevation!.Value).ToList();
        var heartRates = points.Where(p => p.HeartRate is not null).Select(p => p.HeartRate!.Value).ToList();
        var hidesElevation = sport.HidesElevation || elevations.Count == 0;
        return new FitTrackeeWorkout(id, sport.Id, start.ToUniversalTime(), string.Empty, null, null, Math.Round(distance / 1000, 3), Whole(duration), Whole(moving), extension, now)
        {
            Pauses = Whole(duration - moving),
            AverageSpeed = moving > TimeSpan.Zero ? Round2(distance / moving.TotalSeconds * 3.6) : 0,
            MaxSpeed = Round2(maxSpeed),
            Ascent = hidesElevation ? null : Math.Round(ascent, 3),
            Descent = hidesElevation ? null : Math.Round(descent, 3),
            MinAltitude = hidesElevation ? null : Math.Round(elevations.Min(), 2),
            MaxAltitude = hidesElevation ? null : Math.Round(elevations.Max(), 2),
            AverageHeartRate = heartRates.Count > 0 ? (int)Math.Round(heartRates.Average()) : null,
            MaxHeartRate = heartRates.Count > 0 ? heartRates.Max() : null,
            Calories = track.Calories,
            Source = track.Creator,
            Bounds = [points.Min(p => p.Latitude), points.Min(p => p.Longitude), points.Max(p => p.Latitude), points.Max(p => p.Longitude)],
            SegmentCount = segments.Count,
        };
    }

    private static TimeSpan Whole(TimeSpan value) => TimeSpan.FromSeconds(Math.Floor(Math.Max(0, value.TotalSeconds)));

    private static double? Round2(double? value) => value is { } v ? Math.Round(v, 2) : null;

    public static double DistanceMeters(FitTrackeeTrackPoint a, FitTrackeeTrackPoint b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
