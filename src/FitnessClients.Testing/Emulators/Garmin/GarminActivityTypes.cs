namespace FitnessClients.Testing;

/// <summary>
/// The activity types the emulator knows: a subset of Garmin's catalogue with Garmin's ids and keys (facts about the
/// service), served by <c>/activity-service/activity/activityTypes</c> and used by the list's <c>activityType</c> filter.
/// </summary>
internal static class GarminActivityTypes
{
    public static IReadOnlyList<GarminActivityType> All { get; } =
    [
        Parent(17, "all", 0),
        new(1, "running", 17, GarminActivityFamily.Foot, false, (2.4, 3.8), (20, 90), "Running", 1),
        new(2, "cycling", 17, GarminActivityFamily.Bike, false, (5.5, 8.5), (40, 180), "Cycling", 2),
        new(3, "hiking", 17, GarminActivityFamily.Foot, false, (0.9, 1.4), (60, 300), "Hiking", 17),
        new(4, "other", 17, GarminActivityFamily.Other, false, (0.5, 2.0), (20, 90), "Activity", 0),
        new(5, "mountain_biking", 2, GarminActivityFamily.Bike, false, (3.5, 6.0), (45, 180), "Mountain Biking", 2),
        new(6, "trail_running", 1, GarminActivityFamily.Foot, false, (1.8, 3.0), (30, 180), "Trail Running", 1),
        new(8, "track_running", 1, GarminActivityFamily.Foot, false, (3.0, 4.5), (20, 60), "Track Running", 1),
        new(9, "walking", 17, GarminActivityFamily.Foot, false, (1.1, 1.6), (20, 90), "Walking", 11),
        new(10, "road_biking", 2, GarminActivityFamily.Bike, false, (6.5, 9.0), (45, 240), "Road Cycling", 2),
        new(13, "strength_training", 29, GarminActivityFamily.Fitness, true, (0, 0), (20, 75), "Strength", 10),
        new(18, "treadmill_running", 1, GarminActivityFamily.Foot, true, (2.3, 3.5), (20, 60), "Treadmill Running", 1),
        new(25, "indoor_cycling", 2, GarminActivityFamily.Bike, true, (6.0, 9.0), (30, 90), "Indoor Cycling", 2),
        Parent(26, "swimming", 17),
        new(27, "lap_swimming", 26, GarminActivityFamily.Swim, true, (0.6, 1.1), (25, 75), "Pool Swim", 5),
        new(28, "open_water_swimming", 26, GarminActivityFamily.Swim, false, (0.6, 1.0), (20, 90), "Open Water Swimming", 5),
        Parent(29, "fitness_equipment", 17),
        new(30, "elliptical", 29, GarminActivityFamily.Fitness, true, (0, 0), (20, 60), "Elliptical", 4),
        new(32, "indoor_rowing", 29, GarminActivityFamily.Fitness, true, (3.0, 4.2), (15, 45), "Indoor Rowing", 15),
        new(89, "multi_sport", 17, GarminActivityFamily.Multisport, false, (0, 0), (0, 0), "Multisport", 18),
        new(143, "gravel_cycling", 2, GarminActivityFamily.Bike, false, (5.0, 7.5), (60, 240), "Gravel Cycling", 2),
        new(152, "virtual_ride", 2, GarminActivityFamily.Bike, true, (6.5, 9.5), (30, 120), "Virtual Ride", 2),
        new(163, "yoga", 29, GarminActivityFamily.Fitness, true, (0, 0), (20, 75), "Yoga", 10),
        Parent(165, "winter_sports", 17),
        new(171, "cross_country_skiing_ws", 165, GarminActivityFamily.Snow, false, (2.5, 4.5), (40, 150), "Cross Country Classic Skiing", 12),
        new(172, "resort_skiing_snowboarding_ws", 165, GarminActivityFamily.Snow, false, (3.0, 9.0), (120, 300), "Resort Skiing/Snowboarding", 13),
        new(189, "transition_v2", 4, GarminActivityFamily.Transition, false, (0.8, 2.0), (1, 4), "Transition", 3),
        Parent(228, "water_sports", 17),
        new(231, "kayaking_v2", 228, GarminActivityFamily.Water, false, (1.2, 2.2), (40, 150), "Kayaking", 41),
        new(239, "stand_up_paddleboarding_v2", 228, GarminActivityFamily.Water, false, (0.9, 1.6), (30, 120), "Stand Up Paddleboarding", 37),
    ];

    /// <summary>Types a synced device records, with their weights in the seeded mix.</summary>
    public static IReadOnlyList<(string Key, int Weight)> DeviceMix { get; } =
    [
        ("running", 20), ("trail_running", 6), ("treadmill_running", 5), ("track_running", 1),
        ("cycling", 6), ("road_biking", 8), ("mountain_biking", 3), ("gravel_cycling", 2), ("indoor_cycling", 4), ("virtual_ride", 2),
        ("walking", 8), ("hiking", 5), ("lap_swimming", 4), ("open_water_swimming", 2),
        ("strength_training", 5), ("yoga", 2), ("indoor_rowing", 1), ("elliptical", 1),
        ("cross_country_skiing_ws", 2), ("resort_skiing_snowboarding_ws", 1), ("kayaking_v2", 1), ("stand_up_paddleboarding_v2", 1), ("other", 1),
    ];

    /// <summary>Types people enter by hand.</summary>
    public static IReadOnlyList<string> ManualMix { get; } = ["running", "cycling", "walking", "strength_training", "yoga", "other"];

    /// <summary>Types imported from GPX or TCX files made by other apps.</summary>
    public static IReadOnlyList<string> ImportMix { get; } = ["running", "cycling", "hiking", "walking", "trail_running", "road_biking"];

    public static GarminActivityType Get(string typeKey) =>
        Find(typeKey) ?? throw new ArgumentException($"The emulator does not know the activity type '{typeKey}'.", nameof(typeKey));

    public static GarminActivityType? Find(string typeKey) => All.FirstOrDefault(t => string.Equals(t.TypeKey, typeKey, StringComparison.Ordinal));

    public static GarminActivityType? Find(int typeId) => All.FirstOrDefault(t => t.TypeId == typeId);

    /// <summary>Whether an activity of <paramref name="type"/> matches the list filter <paramref name="filterKey"/>: the same key or an ancestor's.</summary>
    public static bool Matches(GarminActivityType type, string filterKey)
    {
        for (var current = type; current is not null; current = current.ParentTypeId == 0 ? null : Find(current.ParentTypeId))
        {
            if (string.Equals(current.TypeKey, filterKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static string PickWeighted(DeterministicRandom random, IReadOnlyList<(string Key, int Weight)> mix)
    {
        var total = mix.Sum(m => m.Weight);
        var roll = random.Next(total);
        foreach (var (key, weight) in mix)
        {
            if (roll < weight)
            {
                return key;
            }

            roll -= weight;
        }

        return mix[^1].Key;
    }

    private static GarminActivityType Parent(int id, string key, int parent) =>
        new(id, key, parent, GarminActivityFamily.Other, false, (0, 0), (0, 0), key, 0);
}
