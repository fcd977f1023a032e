namespace FitnessClients.Testing;

/// <summary>
/// The activities every seeded account contains (when <see cref="GarminConnectEmulatorOptions.IncludeEdgeCases"/> is on):
/// each one forces the zone, season, kind or name of a slot so that tests can rely on finding it.
/// </summary>
internal static class GarminEdgeCases
{
    /// <summary>A name with every character Windows forbids in file names, and a path separator.</summary>
    public const string PathCharactersName = "Run / Walk: \"Test\" <1>\\\\?*";

    /// <summary>A reserved device name on Windows.</summary>
    public const string ReservedName = "CON";

    /// <summary>A name with emoji (a ZWJ sequence), accents and CJK characters.</summary>
    public const string EmojiName = "Morning Run 🏃‍♀️🔥 Zürich–Łódź 東京";

    public static string LongName { get; } = string.Concat(Enumerable.Repeat("Very long name with ünïcödé and spaces ", 8)).TrimEnd() + " 🏁";

    public static IReadOnlyList<Action<GarminSeedSlot, DateOnly, DateOnly>> All { get; } =
    [
        (s, _, _) => Device(s, GarminTimeZones.Honolulu, "running", 21 * 60 + 40, "Ala Moana sunset run 🌅"), // −10:00, UTC date is the next day
        (s, f, l) => { Device(s, GarminTimeZones.Denver, "trail_running"); MoveToMonth(s, 7, f, l); },          // −06:00 (daylight time)
        (s, f, l) => { Device(s, GarminTimeZones.Denver, "running"); MoveToMonth(s, 1, f, l); },                // −07:00
        (s, f, l) => { Device(s, GarminTimeZones.Denver, "road_biking", 9 * 60); MoveToDstStart(s, f, l); },    // the day DST starts
        (s, _, _) => Device(s, GarminTimeZones.CostaRica, "trail_running"),                                      // −06:00 all year
        (s, f, l) => { Device(s, GarminTimeZones.StJohns, "walking"); MoveToMonth(s, 2, f, l); },               // −03:30
        (s, _, _) => Device(s, GarminTimeZones.Kathmandu, "hiking"),                                             // +05:45
        (s, _, _) => Device(s, GarminTimeZones.Darwin, "running"),                                               // +09:30
        (s, _, _) => Device(s, GarminTimeZones.Tongatapu, "running", 20),                                        // +13:00 at 00:20, UTC date is the day before
        (s, f, l) => { Device(s, GarminTimeZones.London, "cycling"); MoveToMonth(s, 12, f, l); },               // +00:00
        (s, _, _) => { s.Kind = GarminActivityKind.Multisport; s.MultisportVariant = 0; s.TypeKey = null; },
        (s, _, _) => { s.Kind = GarminActivityKind.Multisport; s.MultisportVariant = 1; s.TypeKey = null; s.Legacy = true; },
        (s, _, _) => { s.Kind = GarminActivityKind.Manual; s.TypeKey = "strength_training"; },
        (s, _, _) => { s.Kind = GarminActivityKind.GpxImport; s.TypeKey = "hiking"; },
        (s, _, _) => { s.Kind = GarminActivityKind.TcxImport; s.TypeKey = "cycling"; },
        (s, _, _) => Device(s, GarminTimeZones.Home, "treadmill_running"),
        (s, _, _) => { Device(s, GarminTimeZones.Home, "running"); s.Legacy = true; },
        (s, _, _) => { Device(s, s.Zone, "running"); s.Name = PathCharactersName; },
        (s, _, _) => { Device(s, s.Zone, "walking"); s.Name = ReservedName; },
        (s, _, _) => { Device(s, s.Zone, "running"); s.Name = EmojiName; },
        (s, _, _) => { Device(s, s.Zone, "cycling"); s.NoName = true; s.Legacy = true; },
        (s, _, _) => { Device(s, s.Zone, "hiking"); s.Name = LongName; },
        (s, _, _) => { s.Kind = GarminActivityKind.TcxImport; s.TypeKey = "walking"; }, // starts with the previous edge case (linked below)
    ];

    /// <summary>Applies the edge cases to slots spread over the whole range (the first ones only when there are fewer slots).</summary>
    public static void Apply(IReadOnlyList<GarminSeedSlot> slots, DateOnly first, DateOnly last)
    {
        var count = All.Count;
        GarminSeedSlot? previous = null;
        for (var k = 0; k < count && k < slots.Count; k++)
        {
            var position = slots.Count >= count ? (int)((k + 0.5) * slots.Count / count) : k;
            var slot = slots[position];
            All[k](slot, first, last);
            if (k == count - 1)
            {
                slot.SameStartAs = previous; // two activities starting at the same second
            }

            previous = slot;
        }
    }

    private static void Device(GarminSeedSlot slot, GarminTimeZone zone, string typeKey, int? minuteOfDay = null, string? name = null)
    {
        slot.Kind = GarminActivityKind.Device;
        slot.Zone = zone;
        slot.TypeKey = typeKey;
        slot.MinuteOfDay = minuteOfDay ?? slot.MinuteOfDay;
        slot.Name = name ?? slot.Name;
    }

    private static void MoveToMonth(GarminSeedSlot slot, int month, DateOnly first, DateOnly last)
    {
        var date = DateOnly.FromDayNumber(slot.DayNumber);
        foreach (var year in new[] { date.Year, date.Year - 1, date.Year + 1 })
        {
            var candidate = new DateOnly(year, month, Math.Min(date.Day, 28));
            if (candidate >= first && candidate <= last)
            {
                slot.DayNumber = candidate.DayNumber;
                return;
            }
        }
    }

    private static void MoveToDstStart(GarminSeedSlot slot, DateOnly first, DateOnly last)
    {
        var year = DateOnly.FromDayNumber(slot.DayNumber).Year;
        foreach (var candidateYear in new[] { year, year - 1, year + 1 })
        {
            var candidate = DateOnly.FromDateTime(GarminTimeZone.NthSunday(candidateYear, 3, 2));
            if (candidate >= first && candidate <= last)
            {
                slot.DayNumber = candidate.DayNumber;
                return;
            }
        }
    }
}
