using System.Globalization;
using FitnessClients.Testing;

namespace FitnessClients.GarminConnect.Tests.Emulator;

/// <summary>Listing against the Garmin emulator: paging to the end, filters, multisport legs, times and units.</summary>
public class EmulatorListingTests
{
    private const string Search = "/activitylist-service/activities/search/activities";

    [Test]
    public async Task Pages_to_the_end_and_returns_exactly_what_Garmin_lists()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 230 });
        await h.SeedTokensAsync();
        var client = h.CreateClient(o => o.PageSize = 100);

        var listed = await h.ToListAsync(client.Activities.ListAsync());

        Assert.That(listed.Select(a => a.ActivityId!.Value), Is.EqualTo(h.Emulator.ListedActivities.Select(a => a.Id)));
        Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, Search), Is.EqualTo(4), "100 + 100 + the rest + the empty page");
    }

    [Test]
    public async Task Every_start_time_carries_the_offset_the_activity_was_recorded_with()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 150, TravelShare = 0.5, LegacyJsonShare = 0.3 });
        await h.SeedTokensAsync();
        var client = h.CreateClient();

        var listed = await h.ToListAsync(client.Activities.ListAsync(new GarminActivityQuery { PageSize = 1000 }));

        var offsets = new HashSet<TimeSpan>();
        Assert.Multiple(() =>
        {
            foreach (var item in listed)
            {
                var emulated = h.Emulator.FindActivity(item.ActivityId!.Value)!;
                Assert.That(item.StartTime, Is.EqualTo(emulated.Start), $"activity {emulated.Id}");
                Assert.That(item.StartTime!.Value.Offset, Is.EqualTo(emulated.Start.Offset), $"activity {emulated.Id} in {emulated.TimeZone}");
                Assert.That(item.ElapsedTime!.Value.TotalSeconds, Is.EqualTo(emulated.ElapsedDuration.TotalSeconds).Within(0.01), $"activity {emulated.Id} (legacy JSON: {emulated.UsesLegacyJson})");
                if (emulated.MinElevation is { } min)
                {
                    Assert.That(item.MinElevationMeters, Is.EqualTo(min).Within(0.01), $"activity {emulated.Id} (legacy JSON: {emulated.UsesLegacyJson})");
                }

                offsets.Add(item.StartTime.Value.Offset);
            }
        });
        Assert.That(offsets.Any(o => o < TimeSpan.Zero) && offsets.Any(o => o > TimeSpan.Zero), Is.True, "activities west and east of UTC");
        Assert.That(listed.Any(i => h.Emulator.FindActivity(i.ActivityId!.Value)!.UsesLegacyJson), Is.True, "some entries in the old units");
    }

    [Test]
    public async Task Date_range_type_and_order_filters_match_the_emulated_account()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 200 });
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        var from = new DateOnly(2022, 1, 1);
        var to = new DateOnly(2023, 12, 31);

        var running = await h.ToListAsync(client.Activities.ListAsync(new GarminActivityQuery
        {
            StartDate = from,
            EndDate = to,
            ActivityType = "running",
            SortOrder = GarminSortOrder.OldestFirst,
            PageSize = 7,
        }));

        var expected = h.Emulator.ListedActivities
            .Where(a => DateOnly.FromDateTime(a.Start.DateTime) >= from && DateOnly.FromDateTime(a.Start.DateTime) <= to)
            .Where(a => a.TypeKey == "running" || a.ParentTypeId == 1)
            .Reverse()
            .Select(a => a.Id)
            .ToList();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(running.Select(a => a.ActivityId!.Value), Is.EqualTo(expected));
        var query = h.Emulator.Requests.First(r => r.Path == Search).Query;
        Assert.That(query, Is.EqualTo("start=0&limit=7&startDate=2022-01-01&endDate=2023-12-31&activityType=running&sortOrder=asc"));
    }

    [Test]
    public async Task MaxCount_reads_only_what_it_needs()
    {
        using var h = new EmulatorHarness();
        await h.SeedTokensAsync();
        var client = h.CreateClient();

        var newest = await h.ToListAsync(client.Activities.ListAsync(new GarminActivityQuery { MaxCount = 5 }));

        Assert.That(newest.Select(a => a.ActivityId!.Value), Is.EqualTo(h.Emulator.ListedActivities.Take(5).Select(a => a.Id)));
        Assert.That(h.Emulator.Requests.Single(r => r.Path == Search).Query, Is.EqualTo("start=0&limit=5"));
    }

    [Test]
    public async Task Multisport_expansion_adds_every_leg_after_its_parent()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 80, MultisportShare = 0.2 });
        await h.SeedTokensAsync();
        var client = h.CreateClient(o => o.ExpandMultisport = true);

        var all = await h.ToListAsync(client.Activities.ListAsync());

        var expected = h.Emulator.ListedActivities.SelectMany(a => new[] { a.Id }.Concat(a.ChildIds)).ToList();
        Assert.That(h.Emulator.ListedActivities.Count(a => a.IsMultisportParent), Is.GreaterThan(1));
        Assert.That(all.Select(a => a.ActivityId!.Value), Is.EqualTo(expected));
        Assert.That(all.Count, Is.EqualTo(h.Emulator.Activities.Count), "every activity, legs included");
        foreach (var leg in all.Where(a => a.ParentId is not null))
        {
            var emulated = h.Emulator.FindActivity(leg.ActivityId!.Value)!;
            Assert.That(leg.ParentId, Is.EqualTo(emulated.ParentId));
            Assert.That(leg.ActivityType?.TypeKey, Is.EqualTo(emulated.TypeKey));
            Assert.That(leg.StartTime, Is.EqualTo(emulated.Start));
        }
    }

    [Test]
    public async Task The_activity_source_lists_newest_first_from_a_cursor()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 120 });
        await h.SeedTokensAsync();
        var source = new GarminActivitySource(h.CreateClient());
        var listed = h.Emulator.ListedActivities;
        var before = listed[30].StartUtc;
        var after = listed[90].StartUtc;

        var page = await h.ToListAsync(source.ListActivitiesAsync(new Core.Activities.ActivityListOptions { Before = before, After = after }));

        var expected = listed.Where(a => a.StartUtc < before && a.StartUtc >= after).Select(a => a.Id.ToString(CultureInfo.InvariantCulture));
        Assert.That(page.Select(a => a.Id), Is.EqualTo(expected));
        Assert.That(page.Zip(page.Skip(1)).All(p => p.First.StartTime >= p.Second.StartTime), Is.True, "newest first");
    }

    [Test]
    public async Task Profile_statistics_and_the_other_reads_answer()
    {
        using var h = new EmulatorHarness();
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        var first = h.Emulator.ListedActivities.First(a => !a.IsManual && !a.IsMultisportParent && a.DeviceApplicationInstallationId is not null);

        var profile = await client.Profile.GetSocialProfileAsync();
        var statistics = await client.Profile.GetStatisticsAsync();
        var count = await client.Activities.CountAsync();
        var summary = await client.Activities.GetAsync(first.Id);
        var details = await client.Activities.GetDetailsAsync(first.Id);
        var splits = await client.Activities.GetSplitsAsync(first.Id);
        var zones = await client.Activities.GetHrTimeInZonesAsync(first.Id);
        var device = await client.Devices.GetForActivityAsync(summary);
        var gear = await client.Gear.GetForActivityAsync(first.Id);
        var types = await client.Activities.GetTypesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(profile.DisplayName, Is.EqualTo(h.Emulator.DisplayName));
            Assert.That(profile.ProfileId, Is.EqualTo(h.Emulator.UserProfileId));
            Assert.That(statistics.TotalActivities, Is.Not.Null);
            Assert.That(count.TotalCount, Is.EqualTo(h.Emulator.ListedActivities.Count));
            Assert.That(summary.StartTime, Is.EqualTo(first.Start));
            Assert.That(details.MetricDescriptors, Is.Not.Empty);
            Assert.That(splits.Laps, Is.Not.Null);
            Assert.That(zones.Select(z => z.ZoneNumber), Is.Ordered);
            Assert.That(device?.ProductDisplayName, Is.Not.Null.And.Not.Empty);
            Assert.That(gear, Is.Not.Null);
            Assert.That(types.Select(t => t.TypeKey), Does.Contain("running"));
        });
    }
}
