using System.Globalization;

namespace FitnessClients.Testing;

/// <summary>Draws a Strava athlete's activities from <see cref="StravaEmulatorOptions"/> with <see cref="DeterministicRandom"/>.</summary>
internal static class StravaActivityGenerator
{
    private sealed record Sport(string SportType, string Type, double MinSpeed, double MaxSpeed, int MinMinutes, int MaxMinutes, char Gear, bool Outdoor, int Weight);

    private static readonly Sport[] Sports =
    [
        new("Run", "Run", 2.6, 4.2, 25, 110, 'g', true, 40),
        new("TrailRun", "Run", 2.0, 3.4, 40, 180, 'g', true, 6),
        new("Ride", "Ride", 5.5, 9.5, 40, 240, 'b', true, 20),
        new("MountainBikeRide", "Ride", 3.5, 6.5, 45, 200, 'b', true, 5),
        new("VirtualRide", "VirtualRide", 7.0, 10.0, 30, 90, 'b', false, 6),
        new("Walk", "Walk", 1.1, 1.6, 20, 90, 'g', true, 8),
        new("Hike", "Hike", 0.8, 1.4, 90, 420, 'g', true, 5),
        new("Swim", "Swim", 0.6, 1.0, 20, 60, ' ', false, 4),
        new("WeightTraining", "WeightTraining", 0, 0, 30, 75, ' ', false, 6),
    ];

    private static readonly (string Label, int OffsetSeconds)[] Zones =
    [
        ("(GMT-07:00) America/Phoenix", -25_200),
        ("(GMT-07:00) America/Phoenix", -25_200),
        ("(GMT-07:00) America/Phoenix", -25_200),
        ("(GMT+09:00) Asia/Tokyo", 32_400),
        ("(GMT+05:30) Asia/Kolkata", 19_800),
        ("(GMT+00:00) Atlantic/Reykjavik", 0),
    ];

    private static readonly string[] Emoji = ["🏃", "🚴‍♀️", "🔥", "🇫🇷", "👨‍👩‍👧", "⛰️", "💪🏽"];

    public static List<StravaEmulatedActivity> Generate(StravaEmulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.ActivityCount);
        if (options.To <= options.From)
        {
            throw new ArgumentException("To must be after From.", nameof(options));
        }

        var random = new DeterministicRandom(options.Seed);
        var count = options.ActivityCount;
        var span = (options.To - options.From).Ticks;
        var starts = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            var ticks = (long)(span * random.NextDouble());
            var start = options.From.AddTicks(ticks);
            starts.Add(new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, TimeSpan.Zero));
        }

        starts.Sort();
        var activities = new List<StravaEmulatedActivity>(count);
        var id = options.FirstActivityId;
        foreach (var start in starts)
        {
            activities.Add(Create(id, start, random, options));
            id += random.Next(900_000, 60_000_000);
        }

        return activities;
    }

    public static StravaEmulatedActivity Create(long id, DateTimeOffset start, DeterministicRandom random, StravaEmulatorOptions options, string? name = null)
    {
        var sport = PickSport(random);
        var manual = random.Chance(options.ManualShare);
        var indoor = !manual && (!sport.Outdoor || random.Chance(options.IndoorShare));
        var minutes = random.Next(sport.MinMinutes, sport.MaxMinutes + 1);
        var elapsed = (minutes * 60) + random.Next(0, 60);
        var moving = manual ? elapsed : elapsed - random.Next(0, Math.Max(1, elapsed / 12));
        var distance = sport.MaxSpeed == 0 ? 0 : Math.Round(moving * random.Range(sport.MinSpeed, sport.MaxSpeed), 1);
        var zone = Zones[random.Next(Zones.Length)];
        var visibility = random.Chance(options.PrivateShare) ? "only_me" : random.Chance(0.15) ? "followers_only" : "everyone";
        var gear = sport.Gear != ' ' && random.Chance(options.GearShare)
            ? random.Pick([.. StravaGear.All.Where(g => g.Id[0] == sport.Gear)]).Id
            : null;
        var photos = random.Chance(options.PhotoShare) ? random.Next(1, 4) : 0;
        var heartRate = !manual && random.Chance(0.85);
        var power = !manual && sport.Type is "Ride" or "VirtualRide" && random.Chance(0.6);
        var format = manual ? StravaOriginalFormat.None : random.Next(20) switch
        {
            < 14 => StravaOriginalFormat.Fit,
            < 16 => StravaOriginalFormat.FitGz,
            < 18 => StravaOriginalFormat.Gpx,
            _ => StravaOriginalFormat.Tcx,
        };
        var local = start.ToOffset(TimeSpan.FromSeconds(zone.OffsetSeconds));
        var emoji = random.Chance(options.EmojiNameShare) ? random.Pick(Emoji) : null;
        name ??= DefaultName(local, sport, manual);
        if (emoji is not null)
        {
            name = random.Chance(0.5) ? $"{emoji} {name}" : $"{name} {emoji}{emoji}";
        }

        return new StravaEmulatedActivity(
            id, name, sport.SportType, sport.Type, start, local.Offset, zone.Label, distance, moving, elapsed,
            indoor || manual ? 0 : Math.Round(distance / 1000 * random.Range(2, 25), 1),
            manual, indoor, visibility, gear, photos, heartRate, power, format,
            random.Chance(0.2) ? "Felt good 👍" : null,
            sport.Type == "Ride" && random.Chance(0.1));
    }

    private static Sport PickSport(DeterministicRandom random)
    {
        var total = Sports.Sum(s => s.Weight);
        var pick = random.Next(total);
        foreach (var sport in Sports)
        {
            if (pick < sport.Weight)
            {
                return sport;
            }

            pick -= sport.Weight;
        }

        return Sports[0];
    }

    private static string DefaultName(DateTimeOffset local, Sport sport, bool manual)
    {
        var part = local.Hour switch
        {
            < 5 => "Night",
            < 12 => "Morning",
            < 14 => "Lunch",
            < 18 => "Afternoon",
            < 21 => "Evening",
            _ => "Night",
        };
        var label = sport.SportType switch
        {
            "TrailRun" => "Trail Run",
            "MountainBikeRide" => "Mountain Bike Ride",
            "VirtualRide" => "Zwift Ride",
            "WeightTraining" => "Weight Training",
            _ => sport.SportType,
        };
        return manual ? string.Create(CultureInfo.InvariantCulture, $"{label} (manual)") : $"{part} {label}";
    }
}
