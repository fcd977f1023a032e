namespace FitnessClients.Testing;

/// <summary>
/// Builds the seeded account: slots spread evenly over the date range, kinds and zones drawn from the options' shares,
/// the edge cases forced onto some slots, then ids in start order and plausible numbers for each activity. Everything is
/// drawn from <see cref="DeterministicRandom"/> in a fixed order, so the same options give the same activities.
/// </summary>
internal static class GarminActivityGenerator
{
    private static readonly string[][] MultisportLegs =
    [
        ["open_water_swimming", "transition_v2", "road_biking", "transition_v2", "running"],
        ["running", "transition_v2", "cycling", "transition_v2", "running"],
        ["cycling", "walking", "cycling"],
    ];

    private static readonly string[] MultisportNames = ["Triathlon", "Duathlon", "Bike-Walk-Bike"];

    public static List<GarminEmulatedActivity> Generate(GarminConnectEmulatorOptions options)
    {
        Validate(options);
        var random = new DeterministicRandom(0x6A09E667F3BCC908UL ^ (ulong)(uint)options.Seed);
        var slots = CreateSlots(options, random);
        if (options.IncludeEdgeCases)
        {
            GarminEdgeCases.Apply(slots, options.FirstActivityDate, options.LastActivityDate);
        }

        foreach (var slot in slots)
        {
            var source = slot.SameStartAs ?? slot;
            slot.Zone = source.Zone;
            slot.Local = DateOnly.FromDayNumber(source.DayNumber).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified)
                .AddMinutes(source.MinuteOfDay).AddSeconds(source.Second);
            slot.Offset = slot.Zone.GetOffsetAtLocal(slot.Local);
        }

        var activities = new List<GarminEmulatedActivity>(slots.Count + 16);
        var id = options.FirstActivityId;
        var first = true;
        foreach (var slot in slots.OrderBy(s => s.Utc).ThenBy(s => s.Index))
        {
            id = first ? id : id + 1_000 + random.Next(400_000);
            first = false;
            var built = Build(slot, id);
            activities.AddRange(built);
            id = built[^1].Id;
        }

        return activities;
    }

    /// <summary>One activity recorded by a device, entered by hand or imported, for <see cref="GarminConnectEmulator.AddActivity"/>.</summary>
    public static GarminEmulatedActivity CreateSingle(long id, GarminActivityType type, GarminActivityKind kind, DateTimeOffset start, GarminTimeZone zone, string? name, TimeSpan? duration, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var activity = Single(id, type, kind, start, zone, random, duration);
        return activity with { Name = name ?? activity.Name };
    }

    /// <summary>The zone to describe an activity that starts at <paramref name="start"/>: one of ours with that offset then, else a fixed-offset one.</summary>
    public static GarminTimeZone ZoneFor(DateTimeOffset start)
    {
        var utc = start.UtcDateTime;
        var match = GarminTimeZones.All.FirstOrDefault(z => z.GetOffset(utc) == start.Offset);
        if (match is not null)
        {
            return match;
        }

        var name = start.Offset == TimeSpan.Zero ? "UTC" : start.Offset.Minutes == 0
            ? $"Etc/GMT{(start.Offset < TimeSpan.Zero ? "+" : "-")}{Math.Abs(start.Offset.Hours).ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : "UTC";
        return new GarminTimeZone(name, 0, start.Offset, GarminDstRule.None, GarminTimeZones.Home.Latitude, GarminTimeZones.Home.Longitude, GarminTimeZones.Home.Elevation, GarminTimeZones.Home.Place);
    }

    private static void Validate(GarminConnectEmulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.ActivityCount);
        if (options.LastActivityDate < options.FirstActivityDate)
        {
            throw new ArgumentException("The last activity date is before the first.", nameof(options));
        }

        var shares = new[] { options.MultisportShare, options.ManualShare, options.GpxUploadShare, options.TcxUploadShare };
        if (shares.Any(s => s is < 0 or > 1) || shares.Sum() > 1 || options.LegacyJsonShare is < 0 or > 1 || options.TravelShare is < 0 or > 1)
        {
            throw new ArgumentException("Shares must lie between 0 and 1, and the kinds' shares must not add up to more than 1.", nameof(options));
        }

        if (options.FirstActivityId <= 0)
        {
            throw new ArgumentException("Activity ids are positive.", nameof(options));
        }
    }

    private static List<GarminSeedSlot> CreateSlots(GarminConnectEmulatorOptions options, DeterministicRandom random)
    {
        var count = options.ActivityCount;
        var firstDay = options.FirstActivityDate.DayNumber;
        var days = options.LastActivityDate.DayNumber - firstDay + 1;
        var slots = new List<GarminSeedSlot>(count);
        for (var i = 0; i < count; i++)
        {
            var day = firstDay + Math.Min(days - 1, (int)Math.Floor(days * (i + random.NextDouble()) / count));
            var slot = new GarminSeedSlot
            {
                Index = i,
                DayNumber = day,
                MinuteOfDay = random.Next(5 * 60 + 30, 20 * 60),
                Second = random.Next(60),
                Zone = random.Chance(options.TravelShare) ? random.Pick(GarminTimeZones.Travel) : GarminTimeZones.Home,
                Legacy = random.Chance(options.LegacyJsonShare),
                MultisportVariant = random.Next(MultisportLegs.Length),
                Seed = random.NextUInt64(),
            };
            var roll = random.NextDouble();
            slot.Kind = (roll -= options.MultisportShare) < 0 ? GarminActivityKind.Multisport
                : (roll -= options.ManualShare) < 0 ? GarminActivityKind.Manual
                : (roll -= options.GpxUploadShare) < 0 ? GarminActivityKind.GpxImport
                : (roll -= options.TcxUploadShare) < 0 ? GarminActivityKind.TcxImport
                : GarminActivityKind.Device;
            slots.Add(slot);
        }

        return slots;
    }

    private static List<GarminEmulatedActivity> Build(GarminSeedSlot slot, long id)
    {
        var random = new DeterministicRandom(slot.Seed);
        var start = new DateTimeOffset(slot.Local, slot.Offset);
        if (slot.Kind == GarminActivityKind.Multisport)
        {
            return BuildMultisport(slot, id, start, random);
        }

        var typeKey = slot.TypeKey ?? slot.Kind switch
        {
            GarminActivityKind.Manual => random.Pick(GarminActivityTypes.ManualMix),
            GarminActivityKind.GpxImport or GarminActivityKind.TcxImport => random.Pick(GarminActivityTypes.ImportMix),
            _ => GarminActivityTypes.PickWeighted(random, GarminActivityTypes.DeviceMix),
        };
        var activity = Single(id, GarminActivityTypes.Get(typeKey), slot.Kind, start, slot.Zone, random, null);
        return [Finish(activity, slot)];
    }

    private static GarminEmulatedActivity Finish(GarminEmulatedActivity activity, GarminSeedSlot slot) => activity with
    {
        Name = slot.NoName ? null : slot.Name ?? activity.Name,
        UsesLegacyJson = slot.Legacy,
    };

    private static List<GarminEmulatedActivity> BuildMultisport(GarminSeedSlot slot, long id, DateTimeOffset start, DeterministicRandom random)
    {
        var legs = MultisportLegs[slot.MultisportVariant];
        var parentName = slot.Name ?? MultisportNames[slot.MultisportVariant];
        var children = new List<GarminEmulatedActivity>(legs.Length);
        var childId = id;
        var legStart = start;
        foreach (var leg in legs)
        {
            childId += random.Next(3, 12);
            var type = GarminActivityTypes.Get(leg);
            var child = Single(childId, type, GarminActivityKind.Device, legStart, slot.Zone, random, null) with
            {
                ParentId = id,
                Name = $"{parentName} - {type.DisplayName}",
                Description = null,
            };
            children.Add(child);
            legStart += TimeSpan.FromSeconds(Math.Ceiling(child.ElapsedDuration.TotalSeconds)); // legs start on whole seconds
        }

        var withHr = children.Where(c => c.AverageHeartRate is not null).ToList();
        var gps = children.FirstOrDefault(c => c.HasGps);
        var multi = GarminActivityTypes.Get("multi_sport");
        var parent = new GarminEmulatedActivity
        {
            Id = id,
            ChildIds = [.. children.Select(c => c.Id)],
            Name = parentName,
            TypeKey = multi.TypeKey,
            TypeId = multi.TypeId,
            ParentTypeId = multi.ParentTypeId,
            Start = start,
            TimeZone = slot.Zone.Name,
            TimeZoneId = slot.Zone.GarminId,
            Duration = Sum(children, c => c.Duration),
            MovingDuration = Sum(children, c => c.MovingDuration),
            ElapsedDuration = Sum(children, c => c.ElapsedDuration),
            Distance = Math.Round(children.Sum(c => c.Distance), 2),
            HasGps = gps is not null,
            OriginalFormat = GarminOriginalFormat.Fit,
            Calories = children.Sum(c => c.Calories ?? 0),
            AverageHeartRate = withHr.Count == 0 ? null : Math.Round(withHr.Sum(c => c.AverageHeartRate!.Value * c.Duration.TotalSeconds) / withHr.Sum(c => c.Duration.TotalSeconds)),
            MaxHeartRate = withHr.Count == 0 ? null : withHr.Max(c => c.MaxHeartRate),
            ElevationGain = Math.Round(children.Sum(c => c.ElevationGain ?? 0), 1),
            ElevationLoss = Math.Round(children.Sum(c => c.ElevationLoss ?? 0), 1),
            MinElevation = children.Min(c => c.MinElevation),
            MaxElevation = children.Max(c => c.MaxElevation),
            AverageSpeed = Math.Round(children.Sum(c => c.Distance) / Sum(children, c => c.Duration).TotalSeconds, 4),
            StartLatitude = gps?.StartLatitude,
            StartLongitude = gps?.StartLongitude,
            DeviceId = children[0].DeviceId,
            DeviceApplicationInstallationId = children[0].DeviceApplicationInstallationId,
            Seed = slot.Seed,
            UsesLegacyJson = slot.Legacy,
        };
        return [parent, .. children];
    }

    private static TimeSpan Sum(IEnumerable<GarminEmulatedActivity> items, Func<GarminEmulatedActivity, TimeSpan> selector) =>
        TimeSpan.FromMilliseconds(Math.Round(items.Sum(i => selector(i).TotalMilliseconds)));

    private static GarminEmulatedActivity Single(long id, GarminActivityType type, GarminActivityKind kind, DateTimeOffset start, GarminTimeZone zone, DeterministicRandom random, TimeSpan? duration)
    {
        var manual = kind == GarminActivityKind.Manual;
        var seconds = duration?.TotalSeconds ?? Math.Round(random.Range(type.MinutesRange.Min, type.MinutesRange.Max) * 60, 3);
        var moving = type.Family == GarminActivityFamily.Fitness || manual ? seconds : Math.Round(seconds * random.Range(0.92, 1.0), 3);
        var elapsed = manual ? seconds : Math.Round(seconds * random.Range(1.0, 1.08), 3);
        var speed = type.SpeedRange.Max > 0 ? random.Range(type.SpeedRange.Min, type.SpeedRange.Max) : 0;
        var distance = Math.Round(speed * seconds, 2);
        var hasGps = !manual && !type.Indoor;
        var hasHr = kind is GarminActivityKind.Device or GarminActivityKind.TcxImport;
        var (hrLow, hrHigh) = HeartRateRange(type.Family);
        var averageHr = hasHr ? Math.Round(random.Range(hrLow, hrHigh)) : (double?)null;
        var gain = hasGps ? Math.Round(distance / 1000 * random.Range(2, type.Family == GarminActivityFamily.Snow ? 120 : 30), 1) : (double?)null;
        var minElevation = hasGps ? Math.Round(zone.Elevation + random.Range(-40, 160), 1) : (double?)null;
        var device = kind == GarminActivityKind.Device ? GarminDevices.For(type.Family, type.Indoor, start.DateTime) : null;
        var name = manual ? type.DisplayName : GarminActivityNames.Default(type, zone, random);
        return new GarminEmulatedActivity
        {
            Id = id,
            Name = name,
            Description = GarminActivityNames.Description(random),
            TypeKey = type.TypeKey,
            TypeId = type.TypeId,
            ParentTypeId = type.ParentTypeId,
            Start = start,
            TimeZone = zone.Name,
            TimeZoneId = zone.GarminId,
            Duration = TimeSpan.FromSeconds(seconds),
            MovingDuration = TimeSpan.FromSeconds(moving),
            ElapsedDuration = TimeSpan.FromSeconds(elapsed),
            Distance = distance,
            HasGps = hasGps,
            IsManual = manual,
            IsUploaded = kind is GarminActivityKind.GpxImport or GarminActivityKind.TcxImport,
            OriginalFormat = kind switch
            {
                GarminActivityKind.Manual => GarminOriginalFormat.None,
                GarminActivityKind.GpxImport => GarminOriginalFormat.Gpx,
                GarminActivityKind.TcxImport => GarminOriginalFormat.Tcx,
                _ => GarminOriginalFormat.Fit,
            },
            Calories = Math.Round(seconds / 60 * random.Range(5.5, 13)),
            AverageHeartRate = averageHr,
            MaxHeartRate = averageHr + Math.Round(random.Range(12, 35)),
            ElevationGain = gain,
            ElevationLoss = gain is null ? null : Math.Round(gain.Value * random.Range(0.9, 1.1), 1),
            MinElevation = minElevation,
            MaxElevation = minElevation + (gain is null ? null : Math.Round(gain.Value * random.Range(0.3, 0.8), 1)),
            AverageSpeed = speed > 0 ? Math.Round(speed, 4) : null,
            MaxSpeed = speed > 0 && !manual ? Math.Round(speed * random.Range(1.2, 1.7), 4) : null,
            Steps = type.Family == GarminActivityFamily.Foot && !manual ? (int)(seconds / 60 * random.Range(type.SpeedRange.Min > 2 ? 155 : 100, type.SpeedRange.Min > 2 ? 178 : 120)) : null,
            StartLatitude = hasGps ? Math.Round(zone.Latitude + random.Range(-0.03, 0.03), 7) : null,
            StartLongitude = hasGps ? Math.Round(zone.Longitude + random.Range(-0.03, 0.03), 7) : null,
            DeviceId = device?.UnitId,
            DeviceApplicationInstallationId = device?.ApplicationInstallationId,
            Seed = random.NextUInt64(),
        };
    }

    private static (double Low, double High) HeartRateRange(GarminActivityFamily family) => family switch
    {
        GarminActivityFamily.Foot => (125, 160),
        GarminActivityFamily.Bike => (115, 150),
        GarminActivityFamily.Swim => (110, 140),
        GarminActivityFamily.Snow => (120, 150),
        GarminActivityFamily.Transition => (140, 165),
        _ => (95, 130),
    };
}
