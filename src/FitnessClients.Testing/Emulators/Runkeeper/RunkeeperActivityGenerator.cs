namespace FitnessClients.Testing;

/// <summary>Draws a deterministic Runkeeper user's activities from the options' seed.</summary>
internal static class RunkeeperActivityGenerator
{
    private static readonly string[] GpsTypes = ["Running", "Running", "Running", "Running", "Cycling", "Cycling", "Walking", "Hiking", "Mountain Biking", "Cross-Country Skiing"];
    private static readonly string[] ManualTypes = ["Running", "Yoga", "Strength Training", "Elliptical", "Swimming", "Other"];
    private static readonly double[] Offsets = [-7, -5, -4, -4, -4, 0, 1, 2, 5.5, 10];
    private static readonly string?[] NotesPool =
    [
        null, null, null, null,
        "Easy run, felt good",
        "Windy; \"tempo\" intervals, 4 x 1 km",
        "Long ride with friends\nstopped for coffee",
        "Trail was muddy, ran, walked, ran again",
        "🏃 new shoes",
    ];

    public static List<RunkeeperEmulatedActivity> Generate(RunkeeperEmulatorOptions options)
    {
        var random = new DeterministicRandom(options.Seed);
        var span = Math.Max(1, (options.To - options.From).TotalSeconds);
        var starts = Enumerable.Range(0, Math.Max(0, options.ActivityCount))
            .Select(_ => options.From.AddSeconds(Math.Floor(random.NextDouble() * span)))
            .Order()
            .ToList();
        var activities = new List<RunkeeperEmulatedActivity>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var id = options.FirstActivityId + (i * 1_237L) + random.Next(0, 1_000);
            activities.Add(Create(id, starts[i], random, options));
        }

        return activities;
    }

    public static RunkeeperEmulatedActivity Create(long id, DateTimeOffset startUtc, DeterministicRandom random, RunkeeperEmulatorOptions options)
    {
        var manual = random.Chance(options.ManualShare);
        var type = manual ? random.Pick(ManualTypes) : random.Pick(GpsTypes);
        var speed = type switch
        {
            "Cycling" => random.Range(5.5, 8.5),
            "Mountain Biking" => random.Range(4, 6),
            "Walking" or "Hiking" => random.Range(1.2, 1.7),
            "Cross-Country Skiing" => random.Range(2.5, 4),
            _ => random.Range(2.6, 3.6),
        };
        var duration = Math.Round(random.Range(15, 95) * 60) + 0.999;
        var stationary = manual && type is "Yoga" or "Strength Training";
        var distance = stationary ? 0 : Math.Round(speed * duration, 3);
        // A version-4 UUID drawn from the seed, like the export's Activity Id.
        var guidBytes = new byte[16];
        BitConverter.TryWriteBytes(guidBytes.AsSpan(0, 8), random.NextUInt64());
        BitConverter.TryWriteBytes(guidBytes.AsSpan(8, 8), random.NextUInt64());
        guidBytes[7] = (byte)((guidBytes[7] & 0x0F) | 0x40);
        guidBytes[8] = (byte)((guidBytes[8] & 0x3F) | 0x80);
        return new RunkeeperEmulatedActivity(
            id,
            new Guid(guidBytes),
            type,
            startUtc,
            random.Pick(Offsets),
            distance,
            duration,
            Math.Round(duration / 60 * random.Range(7, 12)),
            stationary ? 0 : Math.Round(random.Range(5, 250), 1),
            manual,
            !manual && random.Chance(options.HeartRateShare),
            !manual && random.Chance(options.PauseShare) ? random.Next(1, 3) : 0,
            random.Pick(NotesPool));
    }
}
