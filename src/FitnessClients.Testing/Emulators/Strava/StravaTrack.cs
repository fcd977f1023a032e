namespace FitnessClients.Testing;

/// <summary>
/// An activity's sampled data, the source of its streams, laps, zones and original file. Generated from the activity's
/// seed, so every request sees the same samples. Empty for manual entries.
/// </summary>
internal sealed class StravaTrack
{
    private StravaTrack(int length)
    {
        Time = new int[length];
        Distance = new double[length];
        Latitude = new double[length];
        Longitude = new double[length];
        Altitude = new double[length];
        HeartRate = new int[length];
        Cadence = new int[length];
        Watts = new int[length];
        Temperature = new int[length];
        Moving = new bool[length];
        Velocity = new double[length];
        Grade = new double[length];
    }

    public int[] Time { get; }

    public double[] Distance { get; }

    public double[] Latitude { get; }

    public double[] Longitude { get; }

    public double[] Altitude { get; }

    public int[] HeartRate { get; }

    public int[] Cadence { get; }

    public int[] Watts { get; }

    public int[] Temperature { get; }

    public bool[] Moving { get; }

    public double[] Velocity { get; }

    public double[] Grade { get; }

    public int Count => Time.Length;

    public bool HasGps { get; private init; }

    public bool HasHeartRate { get; private init; }

    public bool HasPower { get; private init; }

    public bool HasCadence { get; private init; }

    public bool HasTemperature { get; private init; }

    public static StravaTrack For(StravaEmulatedActivity activity)
    {
        if (activity.IsManual)
        {
            return new StravaTrack(0);
        }

        var random = new DeterministicRandom(activity.DataSeed);
        var step = Math.Max(1, activity.ElapsedTime / 1500);
        var count = (activity.ElapsedTime / step) + 1;
        var track = new StravaTrack(count)
        {
            HasGps = !activity.IsTrainer,
            HasHeartRate = activity.HasHeartRate,
            HasPower = activity.HasPower,
            HasCadence = activity.Type is "Run" or "Ride" or "VirtualRide" or "Walk",
            HasTemperature = !activity.IsTrainer && random.Chance(0.5),
        };
        var speed = activity.MovingTime == 0 ? 0 : activity.Distance / activity.MovingTime;
        var pausedSamples = Math.Max(0, (activity.ElapsedTime - activity.MovingTime) / step);
        var pauseAt = pausedSamples == 0 ? -1 : random.Next(1, Math.Max(2, count - pausedSamples));
        var lat = 33.40 + random.Range(0, 0.1);
        var lon = -112.10 + random.Range(0, 0.1);
        var heading = random.Range(0, Math.Tau);
        var altitude = random.Range(300, 1500);
        var distance = 0.0;
        var temp = random.Next(5, 30);
        for (var i = 0; i < count; i++)
        {
            var moving = i == 0 || pauseAt < 0 || i < pauseAt || i >= pauseAt + pausedSamples;
            var v = moving && speed > 0 ? Math.Max(0, speed * random.Range(0.85, 1.15)) : 0;
            var advance = i == 0 ? 0 : v * step;
            distance += advance;
            heading += random.Range(-0.3, 0.3);
            var climb = random.Range(-1.5, 1.6) * step / 10;
            altitude += climb;
            lat += advance * Math.Cos(heading) / 111_320;
            lon += advance * Math.Sin(heading) / (111_320 * Math.Cos(lat * Math.PI / 180));
            track.Time[i] = Math.Min(i * step, activity.ElapsedTime);
            track.Distance[i] = Math.Round(distance, 1);
            track.Latitude[i] = Math.Round(lat, 6);
            track.Longitude[i] = Math.Round(lon, 6);
            track.Altitude[i] = Math.Round(altitude, 1);
            track.HeartRate[i] = moving ? random.Next(120, 175) : random.Next(95, 120);
            track.Cadence[i] = moving ? random.Next(activity.Type == "Run" ? 80 : 70, activity.Type == "Run" ? 95 : 100) : 0;
            track.Watts[i] = moving ? random.Next(120, 320) : 0;
            track.Temperature[i] = temp + (i * 3 / count);
            track.Moving[i] = moving && v > 0;
            track.Velocity[i] = Math.Round(v, 1);
            track.Grade[i] = advance > 0 ? Math.Round(Math.Clamp(climb / advance * 100, -30, 30), 1) : 0;
        }

        if (count > 1 && activity.Distance > 0 && distance > 0)
        {
            // Scale so the last sample lands on the activity's distance, as Strava's summary and streams agree.
            var scale = activity.Distance / distance;
            for (var i = 0; i < count; i++)
            {
                track.Distance[i] = Math.Round(track.Distance[i] * scale, 1);
            }
        }

        return track;
    }
}
