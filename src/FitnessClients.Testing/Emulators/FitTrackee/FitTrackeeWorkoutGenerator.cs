namespace FitnessClients.Testing;

/// <summary>
/// The synthetic user's workouts: several sports, emoji and accented titles, notes, some with heart rate or a pause
/// (two segments), some entered without a file. File workouts get a GPX original that goes through the same reader and
/// figures as an upload, so stored numbers and downloads agree.
/// </summary>
internal static class FitTrackeeWorkoutGenerator
{
    private static readonly (int SportId, double SpeedKmh, double Minutes)[] Profiles =
    [
        (5, 10.5, 50), (5, 11.2, 35), (1, 27, 120), (6, 5, 45), (3, 4, 180), (4, 15, 90), (8, 8, 100), (2, 17, 25),
        (16, 2.6, 40), (9, 22, 150), (11, 8.5, 60), (10, 11, 75),
    ];

    private static readonly string[] Titles =
    [
        "Morning run 🏃‍♀️", "Sortie vélo 🚴 avec les amis", "Rando 🥾⛰️ au Mont Aigoual", "Trail des Cévennes 🏔️🔥", "Balade du soir 🌇",
        "Nage en eau libre 🌊🏊", "Fractionné 10×400 m ⚡", "Vélotaf ☔", "Sortie longue — 🇫🇷 Côte d'Azur", "Ski de fond ❄️⛷️",
        "Aviron sur le Rhône 🚣", "VTT dans le Gard 🌲", "Récup' tranquille 😴", "Course \"quotes\" & <tags> 🧪",
    ];

    private static readonly string[] Notes =
    [
        "Jambes lourdes, mais bon rythme 💪", "Nouvelles chaussures 👟 — à surveiller", "Vent de face au retour 🌬️",
        "Ligne 1\nLigne 2 avec tabulation\tici", "Avec Zoë & Anaïs ✨", string.Empty,
    ];

    private static readonly string[] Creators = ["Garmin Connect", "OpenTracks", "StravaGPX", "Runkeeper - http://www.runkeeper.com"];

    public static List<(FitTrackeeWorkout Workout, byte[]? Original, FitTrackeeTrack? Track)> Generate(FitTrackeeEmulatorOptions options, TimeZoneInfo zone, DateTimeOffset now)
    {
        var result = new List<(FitTrackeeWorkout, byte[]?, FitTrackeeTrack?)>(options.WorkoutCount);
        var span = options.To - options.From;
        for (var i = 0; i < options.WorkoutCount; i++)
        {
            var random = new DeterministicRandom(options.Seed ^ (0x9E3779B97F4A7C15UL * (ulong)(i + 1)));
            var fraction = options.WorkoutCount == 1 ? 0 : (double)i / (options.WorkoutCount - 1);
            var day = options.From + TimeSpan.FromDays(Math.Floor(span.TotalDays * fraction));
            var start = new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero) + TimeSpan.FromMinutes(random.Next(6 * 60, 19 * 60));
            var profile = Profiles[random.Next(Profiles.Length)];
            var sport = FitTrackeeSports.Defaults[profile.SportId - 1];
            var minutes = profile.Minutes * random.Range(0.6, 1.4);
            var title = random.Chance(0.35) ? Titles[random.Next(Titles.Length)] : null;
            var notes = random.Chance(0.6) ? Notes[random.Next(Notes.Length)] : null;
            var description = random.Chance(0.2) ? "Séance du plan 📋: échauffement 15′, bloc principal, retour au calme." : null;
            var manual = random.Chance(options.ManualShare);
            var id = FitTrackeeShortId.Next(random);
            result.Add(manual
                ? (Manual(id, sport, start, profile.SpeedKmh * minutes / 60, TimeSpan.FromMinutes(minutes), title, notes, description, zone, now), null, null)
                : WithFile(id, sport, start, profile.SpeedKmh, TimeSpan.FromMinutes(minutes), title, notes, description, random, zone, now));
        }

        return result;
    }

    /// <summary>A workout entered without a file, as <c>/workouts/no_gpx</c> stores it.</summary>
    public static FitTrackeeWorkout Manual(string id, FitTrackeeSport sport, DateTimeOffset start, double distanceKm, TimeSpan duration, string? title, string? notes, string? description, TimeZoneInfo zone, DateTimeOffset now)
    {
        var seconds = duration.TotalSeconds % 86_400; // FitTrackee divides by timedelta.seconds, which drops whole days
        var speed = seconds == 0 ? (double?)null : distanceKm / (seconds / 3600);
        return new FitTrackeeWorkout(id, sport.Id, start.ToUniversalTime(), DefaultTitle(sport, start, title, zone), notes, description, Math.Round(distanceKm, 3), duration, duration, null, now)
        {
            Pauses = TimeSpan.Zero,
            AverageSpeed = speed is { } s ? Math.Round(s, 2) : null,
            MaxSpeed = speed is { } m ? Math.Round(m, 2) : null,
        };
    }

    /// <summary>A GPX workout: a synthetic track written as GPX, read back and summed up like an upload.</summary>
    public static (FitTrackeeWorkout Workout, byte[] Original, FitTrackeeTrack Track) WithFile(string id, FitTrackeeSport sport, DateTimeOffset start, double speedKmh, TimeSpan duration, string? title, string? notes, string? description, DeterministicRandom random, TimeZoneInfo zone, DateTimeOffset now)
    {
        var segments = SyntheticSegments(start, speedKmh, duration, random);
        var creator = Creators[random.Next(Creators.Length)];
        var bytes = FitTrackeeGpxWriter.Write(creator, title, description, segments);
        var track = FitTrackeeFileReader.Read("gpx", bytes);
        var workout = FitTrackeeTrackStats.Build(id, sport, track, "gpx", now);
        workout = workout with { Title = DefaultTitle(sport, workout.WorkoutDate, title ?? track.Name, zone), Notes = notes, Description = description ?? track.Description };
        return (workout, bytes, track);
    }

    /// <summary>FitTrackee's title when none is given: <c>Running - 2026-04-19 08:30:00</c> in the user's time zone.</summary>
    public static string DefaultTitle(FitTrackeeSport sport, DateTimeOffset startUtc, string? title, TimeZoneInfo zone) =>
        !string.IsNullOrEmpty(title)
            ? (title.Length > 255 ? title[..255] : title)
            : $"{sport.Label} - {TimeZoneInfo.ConvertTime(startUtc, zone):yyyy'-'MM'-'dd HH':'mm':'ss}";

    private static List<IReadOnlyList<FitTrackeeTrackPoint>> SyntheticSegments(DateTimeOffset start, double speedKmh, TimeSpan duration, DeterministicRandom random)
    {
        var lat = 43.9 + random.Range(-0.2, 0.2);
        var lon = 4.5 + random.Range(-0.2, 0.2);
        var heading = random.Range(0, 2 * Math.PI);
        var withHeartRate = random.Chance(0.6);
        var pauseAt = random.Chance(0.3) ? random.Range(0.3, 0.7) : -1;
        var step = TimeSpan.FromSeconds(10);
        var count = Math.Max(3, (int)(duration / step));
        var segments = new List<IReadOnlyList<FitTrackeeTrackPoint>>();
        var current = new List<FitTrackeeTrackPoint>();
        var time = start;
        for (var i = 0; i < count; i++)
        {
            if (pauseAt > 0 && i == (int)(count * pauseAt) && current.Count > 1)
            {
                segments.Add(current);
                current = [];
                time += TimeSpan.FromMinutes(random.Next(2, 12));
            }

            var elevation = 120 + (40 * Math.Sin(i / 60.0)) + random.Range(-0.5, 0.5);
            int? hr = withHeartRate ? 120 + (int)(25 * Math.Sin(i / 90.0)) + random.Next(0, 8) : null;
            current.Add(new FitTrackeeTrackPoint(Math.Round(lat, 6), Math.Round(lon, 6), Math.Round(elevation, 1), time, hr));
            var meters = speedKmh / 3.6 * step.TotalSeconds * random.Range(0.8, 1.2);
            heading += random.Range(-0.15, 0.15);
            lat += meters * Math.Cos(heading) / 111_320;
            lon += meters * Math.Sin(heading) / (111_320 * Math.Cos(lat * Math.PI / 180));
            time += step;
        }

        segments.Add(current);
        return segments;
    }
}
